package dev.eventshop.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.eventshop.testsupport.Http;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every kind of bad request gets its status as RFC 9457 problem details, never HTML and never a 500, and changes
 * nothing: no stock, no event.
 */
class BadInputIT extends IntegrationTest {

    private static final String RESTOCK = "/products/KB-001/restock";

    static Stream<Arguments> bad_requests() {
        return Stream.of(
                argumentSet("quantity 0", restock("{\"quantity\": 0}"), 400, "quantity"),
                argumentSet("quantity -1", restock("{\"quantity\": -1}"), 400, "quantity"),
                argumentSet("quantity 100001", restock("{\"quantity\": 100001}"), 400, "quantity"),
                argumentSet("a quantity too large for any whole number", restock("{\"quantity\": 99999999999}"),
                        400, "quantity"),
                argumentSet("a quantity that is a string of digits", restock("{\"quantity\": \"10\"}"), 400,
                        "quantity"),
                argumentSet("a quantity with a fraction", restock("{\"quantity\": 2.5}"), 400, "quantity"),
                argumentSet("a quantity that is true", restock("{\"quantity\": true}"), 400, "quantity"),
                argumentSet("a missing quantity", restock("{}"), 400, "quantity"),
                argumentSet("a null quantity", restock("{\"quantity\": null}"), 400, "quantity"),
                argumentSet("malformed JSON", restock("{\"quantity\": "), 400, null),
                argumentSet("not JSON at all", restock("ten please"), 400, null),
                argumentSet("an empty body", restock(""), 400, null),
                argumentSet("a JSON array instead of an object", restock("[10]"), 400, null),
                argumentSet("a restock of an unknown product", (Function<Http, Http.Response>) http -> http
                        .postJson("/products/NOPE-404/restock", "{\"quantity\": 1}"), 404, null),
                argumentSet("a blank SKU", get("/products/%20"), 400, "sku"),
                argumentSet("a SKU of 65 characters", get("/products/" + "S".repeat(65)), 400, "sku"),
                argumentSet("a text/plain body", (Function<Http, Http.Response>) http -> http.send("POST", RESTOCK,
                        BodyPublishers.ofString("{\"quantity\": 1}"), "Content-Type", "text/plain"), 415, null),
                argumentSet("no content type", (Function<Http, Http.Response>) http -> http.send("POST", RESTOCK,
                        BodyPublishers.ofString("{\"quantity\": 1}")), 415, null),
                argumentSet("a body over 64 KiB", restock(oversized()), 413, null),
                argumentSet("a chunked body over 64 KiB", (Function<Http, Http.Response>) http -> http.send("POST",
                        RESTOCK, Http.chunked(oversized()), "Content-Type", "application/json"), 413, null),
                argumentSet("GET on a restock", get(RESTOCK), 405, null),
                argumentSet("DELETE on a product", (Function<Http, Http.Response>) http -> http.send("DELETE",
                        "/products/KB-001", BodyPublishers.noBody()), 405, null),
                argumentSet("PUT on the products", (Function<Http, Http.Response>) http -> http.send("PUT",
                        "/products", BodyPublishers.ofString("{}"), "Content-Type", "application/json"), 405, null),
                argumentSet("a product asked for as HTML", get("/products/KB-001", "Accept", "text/html"), 406, null),
                argumentSet("an unknown path", get("/no-such-thing"), 404, null),
                argumentSet("the error page asked for directly", get("/error"), 404, null),
                argumentSet("headers too large for the server", get("/products/KB-001", "X-Padding",
                        "x".repeat(20_000)), 400, null));
    }

    @ParameterizedTest
    @MethodSource
    void bad_requests(Function<Http, Http.Response> request, int status, @Nullable String field) {
        String products = http.get("/products").body();
        long events = jdbc.sql("SELECT count(*) FROM outbox_event").query(Long.class).single();

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
                    .as(response.body()).contains(field);
            assertThat(problem.get("errors").valueStream().map(error -> error.get("message").asString()))
                    .allSatisfy(message -> assertThat(message).isNotBlank());
        }
        assertThat(http.get("/products").body()).as("no stock changed").isEqualTo(products);
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event").query(Long.class).single()).as("no event")
                .isEqualTo(events);
    }

    private static Function<Http, Http.Response> restock(String body) {
        return http -> http.postJson(RESTOCK, body);
    }

    private static Function<Http, Http.Response> get(String path, String... headers) {
        return http -> http.get(path, headers);
    }

    /** A valid restock, padded past 64 KiB with a property the service would otherwise ignore. */
    private static String oversized() {
        return "{\"quantity\": 1, \"note\": \"" + "x".repeat(64 * 1024) + "\"}";
    }
}
