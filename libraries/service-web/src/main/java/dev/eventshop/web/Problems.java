package dev.eventshop.web;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The service's RFC 9457 problem types, and a way to build problem details of them. Plain HTTP errors (404, 405, 415,
 * ...) have the type {@code about:blank}: their status says it all. Every problem has a type.
 */
public final class Problems {

    /** The base of this service's problem type URIs. */
    public static final String TYPE_BASE = "https://eventshop.dev/problems/";

    /** The property of a validation problem that lists the offending fields. */
    public static final String ERRORS = "errors";

    private Problems() {
    }

    /** The type of a problem that is no more than its HTTP status (RFC 9457, section 4.2.1). */
    public static final URI PLAIN_HTTP = URI.create("about:blank");

    /** A problem that its status says all about, such as 405 or 500. */
    public static ProblemDetail plain(HttpStatus status, @Nullable String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(PLAIN_HTTP);
        return problem;
    }

    /** A problem of one of this service's types, for instance {@code unknown-sku}. */
    public static ProblemDetail of(HttpStatus status, String type, String title, @Nullable String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    /** A 400 naming each field that is missing or wrong, and why. */
    public static ProblemDetail invalidRequest(String detail, List<FieldProblem> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
        problem.setProperty(ERRORS, errors);
        return problem;
    }

    /**
     * What is wrong with one field of a request.
     *
     * @param field the field's path in the body ({@code items[0].quantity}), or a parameter or header name
     */
    public record FieldProblem(String field, @Nullable String message) {
    }
}
