package dev.eventshop.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.eventshop.testsupport.Http;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every kind of bad request gets the contract's status as RFC 9457 problem details, never a stack trace or HTML. */
class BadInputIT extends IntegrationTest {

    static Stream<Arguments> bad_requests() {
        return Stream.of(
                argumentSet("emails without an order id", get("/emails"), 400, "orderId"),
                argumentSet("an empty order id", get("/emails?orderId="), 400, "orderId"),
                argumentSet("a malformed order id", get("/emails?orderId=not-an-order-id"), 400, "orderId"),
                argumentSet("an order id that is almost a UUID", get("/emails?orderId=1-2-3-4-5"), 400, "orderId"),
                argumentSet("an unknown path", get("/no-such-thing"), 404, null),
                argumentSet("the error page asked for directly", get("/error"), 404, null),
                argumentSet("headers too large for the server", get("/emails?orderId=" + UUID.randomUUID(),
                        "X-Padding", "x".repeat(20_000)), 400, null),
                argumentSet("POST on the emails", (Function<Http, Http.Response>) http -> http.send("POST",
                        "/emails", BodyPublishers.ofString("{}"), "Content-Type", "application/json"), 405, null),
                argumentSet("emails asked for as HTML",
                        get("/emails?orderId=" + UUID.randomUUID(), "Accept", "text/html"), 406, null));
    }

    @ParameterizedTest
    @MethodSource
    void bad_requests(Function<Http, Http.Response> request, int status, @Nullable String field) {
        Http.Response response = request.apply(http);

        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(List.of("type", "title", "detail")).as(response.toString())
                .allSatisfy(member -> assertThat(problem.path(member).asString("")).isNotBlank());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContainIgnoringCase("exception").doesNotContain("\tat ")
                .doesNotContain("<html");
        if (field != null) {
            assertThat(problem.get("errors").valueStream().map(error -> error.get("field").asString()))
                    .as(response.body()).containsExactly(field);
            assertThat(problem.get("type").asString()).isEqualTo("https://eventshop.dev/problems/invalid-request");
        }
    }

    @Test
    void lists_no_emails_for_an_order_it_never_heard_of() {
        Http.Response response = http.get("/emails?orderId=" + UUID.randomUUID());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().isArray()).isTrue();
        assertThat(response.json().isEmpty()).isTrue();
    }

    private static Function<Http, Http.Response> get(String path, String... headers) {
        return http -> http.get(path, headers);
    }
}
