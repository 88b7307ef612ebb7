package dev.eventshop.order;

import static dev.eventshop.testsupport.Http.Request.get;
import static dev.eventshop.testsupport.Http.Request.postJson;
import static dev.eventshop.testsupport.Http.Request.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.eventshop.testsupport.BadInputContract;
import dev.eventshop.testsupport.Http;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every kind of bad request gets the contract's status as RFC 9457 problem details, and changes nothing: no order,
 * no event.
 */
class BadInputIT extends IntegrationTest implements BadInputContract {

    private static final String VALID = """
            {"customerId": "alice", "items": [{"sku": "KB-001", "quantity": 2}]}""";

    static Stream<Arguments> bad_requests() {
        return Stream.of(
                argumentSet("malformed JSON", post("{\"customerId\": \"alice\", \"items\": ["), 400, null),
                argumentSet("not JSON at all", post("alice wants a keyboard"), 400, null),
                argumentSet("an empty body", post(""), 400, null),
                argumentSet("a JSON array instead of an object", post("[]"), 400, null),
                argumentSet("a quantity that is a word", post(item("\"KB-001\"", "\"two\"")), 400,
                        "items[0].quantity"),
                argumentSet("a quantity that is a string of digits", post(item("\"KB-001\"", "\"2\"")), 400,
                        "items[0].quantity"),
                argumentSet("a quantity with a fraction", post(item("\"KB-001\"", "2.5")), 400, "items[0].quantity"),
                argumentSet("a quantity too large for any whole number", post(item("\"KB-001\"", "99999999999")), 400,
                        "items[0].quantity"),
                argumentSet("a customer id that is a number",
                        post("{\"customerId\": 42, \"items\": [{\"sku\": \"KB-001\", \"quantity\": 1}]}"), 400,
                        "customerId"),
                argumentSet("items that are not a list", post("{\"customerId\": \"alice\", \"items\": \"KB-001\"}"),
                        400, "items"),
                argumentSet("a missing customer id", post("{\"items\": [{\"sku\": \"KB-001\", \"quantity\": 1}]}"),
                        400, "customerId"),
                argumentSet("a blank customer id",
                        post("{\"customerId\": \"  \", \"items\": [{\"sku\": \"KB-001\", \"quantity\": 1}]}"), 400,
                        "customerId"),
                argumentSet("missing items", post("{\"customerId\": \"alice\"}"), 400, "items"),
                argumentSet("no items", post("{\"customerId\": \"alice\", \"items\": []}"), 400, "items"),
                argumentSet("a null item", post("{\"customerId\": \"alice\", \"items\": [null]}"), 400, "items[0]"),
                argumentSet("a missing SKU", post("{\"customerId\": \"alice\", \"items\": [{\"quantity\": 1}]}"), 400,
                        "items[0].sku"),
                argumentSet("a blank SKU", post(item("\"\"", "1")), 400, "items[0].sku"),
                argumentSet("a missing quantity",
                        post("{\"customerId\": \"alice\", \"items\": [{\"sku\": \"KB-001\"}]}"), 400,
                        "items[0].quantity"),
                argumentSet("quantity 0", post(item("\"KB-001\"", "0")), 400, "items[0].quantity"),
                argumentSet("quantity -1", post(item("\"KB-001\"", "-1")), 400, "items[0].quantity"),
                argumentSet("quantity 1001", post(item("\"KB-001\"", "1001")), 400, "items[0].quantity"),
                argumentSet("101 lines", post(lines(101)), 400, "items"),
                argumentSet("the same SKU twice", post("""
                        {"customerId": "alice", "items": [{"sku": "KB-001", "quantity": 1},
                                                          {"sku": "KB-001", "quantity": 2}]}"""), 400, "items"),
                argumentSet("an empty Idempotency-Key", post(VALID, "Idempotency-Key", ""), 400, "Idempotency-Key"),
                argumentSet("an Idempotency-Key of 256 characters", post(VALID, "Idempotency-Key", "k".repeat(256)),
                        400, "Idempotency-Key"),
                argumentSet("an Idempotency-Key with a space", post(VALID, "Idempotency-Key", "my key"), 400,
                        "Idempotency-Key"),
                argumentSet("an unknown SKU", post(item("\"NOPE-404\"", "1")), 422, null),
                argumentSet("a text/plain body", send("POST", "/orders", BodyPublishers.ofString(VALID),
                        "Content-Type", "text/plain"), 415, null),
                argumentSet("a form body", send("POST", "/orders", BodyPublishers.ofString("customerId=alice"),
                        "Content-Type", "application/x-www-form-urlencoded"), 415, null),
                argumentSet("no content type", send("POST", "/orders", BodyPublishers.ofString(VALID)), 415, null),
                argumentSet("a body over 64 KiB", post(oversized()), 413, null),
                argumentSet("a chunked body over 64 KiB", send("POST", "/orders", Http.chunked(oversized()),
                        "Content-Type", "application/json"), 413, null),
                argumentSet("a malformed order id", get("/orders/not-an-order-id"), 400, "orderId"),
                argumentSet("an order id that is almost a UUID", get("/orders/1-2-3-4-5"), 400, "orderId"),
                argumentSet("a malformed order id on the timeline", get("/orders/42/timeline"), 400, "orderId"),
                argumentSet("an unknown order id", get("/orders/" + UUID.randomUUID()), 404, null),
                argumentSet("the timeline of an unknown order", get("/orders/" + UUID.randomUUID() + "/timeline"),
                        404, null),
                argumentSet("an unknown path", get("/no-such-thing"), 404, null),
                argumentSet("headers too large for the server", get("/orders/" + UUID.randomUUID(), "X-Padding",
                        "x".repeat(20_000)), 400, null),
                argumentSet("the error page asked for directly", get("/error"), 404, null),
                argumentSet("orders without a customer id", get("/orders"), 400, null),
                argumentSet("a page size of 0", get("/orders?customerId=alice&size=0"), 400, "size"),
                argumentSet("a page that is not a number", get("/orders?customerId=alice&page=first"), 400, null),
                argumentSet("DELETE on an order", send("DELETE", "/orders/" + UUID.randomUUID(),
                        BodyPublishers.noBody()), 405, null),
                argumentSet("PUT on the orders", send("PUT", "/orders", BodyPublishers.ofString(VALID),
                        "Content-Type", "application/json"), 405, null),
                argumentSet("an order asked for as HTML", get("/orders/" + UUID.randomUUID(), "Accept", "text/html"),
                        406, null));
    }

    @Override
    public Map<String, ?> state() {
        return Map.of("orders", count("orders"), "events", count("outbox_event"));
    }

    @ParameterizedTest
    @MethodSource("unknown_skus")
    void rejects_an_order_for_an_unknown_sku_and_names_it(String items, String named) {
        Http.Response response = http.postJson("/orders", "{\"customerId\": \"alice\", \"items\": " + items + "}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").asString()).contains(named);
        assertThat(response.json().get("unknownSkus").valueStream().map(JsonNode::asString)).containsExactly(named);
    }

    static Stream<Arguments> unknown_skus() {
        return Stream.of(
                argumentSet("alone", "[{\"sku\": \"NOPE-404\", \"quantity\": 1}]", "NOPE-404"),
                argumentSet("next to a known one",
                        "[{\"sku\": \"KB-001\", \"quantity\": 1}, {\"sku\": \"GONE-1\", \"quantity\": 1}]", "GONE-1"));
    }

    private static Http.Request post(String body, String... headers) {
        return postJson("/orders", body, headers);
    }

    private static String item(String sku, String quantity) {
        return "{\"customerId\": \"alice\", \"items\": [{\"sku\": " + sku + ", \"quantity\": " + quantity + "}]}";
    }

    private static String lines(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> "{\"sku\": \"SKU-" + i + "\", \"quantity\": 1}")
                .collect(Collectors.joining(", ", "{\"customerId\": \"alice\", \"items\": [", "]}"));
    }

    /** A valid order, padded past 64 KiB with a property the service would otherwise ignore. */
    private static String oversized() {
        return "{\"customerId\": \"alice\", \"items\": [{\"sku\": \"KB-001\", \"quantity\": 1}], \"note\": \""
                + "x".repeat(64 * 1024) + "\"}";
    }
}
