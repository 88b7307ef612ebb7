package dev.eventshop.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** What an error response of every service is: RFC 9457 problem details, never a stack trace or HTML. */
public final class ProblemDetails {

    private static final String INVALID_REQUEST = "https://eventshop.dev/problems/invalid-request";

    private ProblemDetails() {
    }

    /** Asserts that the response is a problem of that status, with a type, a title and a detail; returns it. */
    public static JsonNode assertProblem(Http.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(List.of("type", "title", "detail")).as(response.toString())
                .allSatisfy(member -> assertThat(problem.path(member).asString("")).isNotBlank());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContainIgnoringCase("exception").doesNotContain("\tat ")
                .doesNotContain("<html");
        return problem;
    }

    /** Asserts that the problem is an invalid request that names that field, and only it, and says what is wrong. */
    public static void assertInvalid(JsonNode problem, String field) {
        assertThat(problem.get("type").asString()).isEqualTo(INVALID_REQUEST);
        assertThat(problem.get("errors").valueStream().map(error -> error.get("field").asString()))
                .as(problem.toString()).containsExactly(field);
        assertThat(problem.get("errors").valueStream().map(error -> error.get("message").asString()))
                .allSatisfy(message -> assertThat(message).isNotBlank());
    }
}
