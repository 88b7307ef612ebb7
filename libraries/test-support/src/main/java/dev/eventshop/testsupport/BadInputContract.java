package dev.eventshop.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every kind of bad request gets its status as RFC 9457 problem details, never a stack trace or HTML, and changes
 * nothing. A service's {@code BadInputIT} implements it with its own cases: a static {@code bad_requests()} of
 * arguments (the {@link Http.Request}, the status, the one field an invalid request names or {@code null}).
 */
public interface BadInputContract {

    Http http();

    /** What no bad request may change, read before and after each; nothing unless a service says what. */
    default Map<String, ?> state() {
        return Map.of();
    }

    @ParameterizedTest
    @MethodSource
    default void bad_requests(Http.Request request, int status, @Nullable String field) {
        Map<String, ?> before = state();

        Http.Response response = request.sendWith(http());

        JsonNode problem = ProblemDetails.assertProblem(response, status);
        if (field != null) {
            ProblemDetails.assertInvalid(problem, field);
        }
        assertThat(state()).as("what no bad request may change").isEqualTo(before);
    }
}
