package dev.eventshop.payment;

import static dev.eventshop.testsupport.Http.Request.get;
import static dev.eventshop.testsupport.Http.Request.postJson;
import static dev.eventshop.testsupport.Http.Request.send;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.eventshop.testsupport.BadInputContract;
import dev.eventshop.testsupport.Http;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Every kind of bad request gets its status as RFC 9457 problem details, never HTML nor a 500, and changes nothing:
 * no ledger event, no payment, no outgoing event.
 */
class BadInputIT extends IntegrationTest implements BadInputContract {

    private static final String DEPOSITS = "/accounts/bob/deposits";

    static Stream<Arguments> bad_requests() {
        return Stream.of(
                argumentSet("a deposit of zero", deposit("\"0.00\""), 400, "amount"),
                argumentSet("a negative deposit", deposit("\"-1.00\""), 400, "amount"),
                argumentSet("a deposit with three decimals", deposit("\"1.001\""), 400, "amount"),
                argumentSet("a deposit of eleven digits", deposit("\"10000000000\""), 400, "amount"),
                argumentSet("a deposit that is a word", deposit("\"ten\""), 400, "amount"),
                argumentSet("a deposit in exponent notation", deposit("\"1E+2\""), 400, "amount"),
                argumentSet("a deposit that is a JSON number", deposit("100.00"), 400, "amount"),
                argumentSet("a deposit without an amount", postJson(DEPOSITS, "{}"), 400, "amount"),
                argumentSet("a deposit of null", deposit("null"), 400, "amount"),
                argumentSet("a currency that is not a code", postJson(DEPOSITS,
                        "{\"amount\": \"1.00\", \"currency\": \"euro\"}"), 400, "currency"),
                argumentSet("a deposit in another currency than the account's", postJson(DEPOSITS,
                        "{\"amount\": \"1.00\", \"currency\": \"USD\"}"), 422, null),
                argumentSet("malformed JSON", postJson(DEPOSITS, "{\"amount\": "), 400, null),
                argumentSet("an empty body", postJson(DEPOSITS, ""), 400, null),
                argumentSet("a JSON array", postJson(DEPOSITS, "[]"), 400, null),
                argumentSet("a text/plain body", send("POST", DEPOSITS,
                        BodyPublishers.ofString("{\"amount\": \"1.00\"}"), "Content-Type", "text/plain"), 415, null),
                argumentSet("a body over 16 KiB", postJson(DEPOSITS,
                        "{\"amount\": \"1.00\", \"note\": \"" + "x".repeat(16 * 1024) + "\"}"), 413, null),
                argumentSet("a customer id over 100 characters", get("/accounts/" + "c".repeat(101)), 400,
                        "customerId"),
                argumentSet("a blank customer id", get("/accounts/%20"), 400, "customerId"),
                argumentSet("a malformed asOf", get("/accounts/alice?asOf=yesterday"), 400, "asOf"),
                argumentSet("an asOf without a time", get("/accounts/alice?asOf=2026-11-22"), 400, "asOf"),
                argumentSet("an empty asOf", get("/accounts/alice?asOf="), 400, "asOf"),
                argumentSet("an unknown account", get("/accounts/nobody-" + UUID.randomUUID()), 404, null),
                argumentSet("the ledger of an unknown account", get("/accounts/nobody-" + UUID.randomUUID()
                        + "/events"), 404, null),
                argumentSet("a payment id that is not a UUID", get("/payments/not-an-order"), 400, "orderId"),
                argumentSet("a payment id that is almost a UUID", get("/payments/1-2-3-4-5"), 400, "orderId"),
                argumentSet("the payment of an unknown order", get("/payments/" + UUID.randomUUID()), 404, null),
                argumentSet("an unknown path", get("/no-such-thing"), 404, null),
                argumentSet("the error page asked for directly", get("/error"), 404, null),
                argumentSet("POST on an account", postJson("/accounts/bob", "{}"), 405, null),
                argumentSet("DELETE on a payment", send("DELETE", "/payments/" + UUID.randomUUID(),
                        BodyPublishers.noBody()), 405, null),
                argumentSet("an account asked for as HTML", get("/accounts/alice", "Accept", "text/html"), 406, null));
    }

    @Override
    public Map<String, ?> state() {
        return Map.of("ledger events", count("account_event"), "payments", count("payment"),
                "outgoing events", count("outbox_event"));
    }

    private static Http.Request deposit(String amount) {
        return postJson(DEPOSITS, "{\"amount\": " + amount + "}");
    }
}
