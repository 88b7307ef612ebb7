package dev.eventshop.inventory;

import static dev.eventshop.testsupport.Http.Request.get;
import static dev.eventshop.testsupport.Http.Request.postJson;
import static dev.eventshop.testsupport.Http.Request.send;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.eventshop.testsupport.BadInputContract;
import dev.eventshop.testsupport.Http;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Every kind of bad request gets its status as RFC 9457 problem details, never HTML and never a 500, and changes
 * nothing: no stock, no event.
 */
class BadInputIT extends IntegrationTest implements BadInputContract {

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
                argumentSet("a restock of an unknown product", postJson("/products/NOPE-404/restock",
                        "{\"quantity\": 1}"), 404, null),
                argumentSet("a blank SKU", get("/products/%20"), 400, "sku"),
                argumentSet("a SKU of 65 characters", get("/products/" + "S".repeat(65)), 400, "sku"),
                argumentSet("a text/plain body", send("POST", RESTOCK, BodyPublishers.ofString("{\"quantity\": 1}"),
                        "Content-Type", "text/plain"), 415, null),
                argumentSet("no content type", send("POST", RESTOCK, BodyPublishers.ofString("{\"quantity\": 1}")),
                        415, null),
                argumentSet("a body over 64 KiB", restock(oversized()), 413, null),
                argumentSet("a chunked body over 64 KiB", send("POST", RESTOCK, Http.chunked(oversized()),
                        "Content-Type", "application/json"), 413, null),
                argumentSet("GET on a restock", get(RESTOCK), 405, null),
                argumentSet("DELETE on a product", send("DELETE", "/products/KB-001", BodyPublishers.noBody()), 405,
                        null),
                argumentSet("PUT on the products", send("PUT", "/products", BodyPublishers.ofString("{}"),
                        "Content-Type", "application/json"), 405, null),
                argumentSet("a product asked for as HTML", get("/products/KB-001", "Accept", "text/html"), 406, null),
                argumentSet("an unknown path", get("/no-such-thing"), 404, null),
                argumentSet("the error page asked for directly", get("/error"), 404, null),
                argumentSet("headers too large for the server", get("/products/KB-001", "X-Padding",
                        "x".repeat(20_000)), 400, null));
    }

    @Override
    public Map<String, ?> state() {
        return Map.of("stock", http.get("/products").body(), "events", count("outbox_event"));
    }

    private static Http.Request restock(String body) {
        return postJson(RESTOCK, body);
    }

    /** A valid restock, padded past 64 KiB with a property the service would otherwise ignore. */
    private static String oversized() {
        return "{\"quantity\": 1, \"note\": \"" + "x".repeat(64 * 1024) + "\"}";
    }
}
