package dev.eventshop.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.eventshop.testsupport.Http;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every kind of bad request gets its status as RFC 9457 problem details, never HTML nor a 500, and changes nothing:
 * no ledger event, no payment, no outgoing event.
 */
class BadInputIT extends IntegrationTest {

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
                argumentSet("a deposit without an amount", post(DEPOSITS, "{}"), 400, "amount"),
                argumentSet("a deposit of null", deposit("null"), 400, "amount"),
                argumentSet("a currency that is not a code", post(DEPOSITS,
                        "{\"amount\": \"1.00\", \"currency\": \"euro\"}"), 400, "currency"),
                argumentSet("a deposit in another currency than the account's", post(DEPOSITS,
                        "{\"amount\": \"1.00\", \"currency\": \"USD\"}"), 422, null),
                argumentSet("malformed JSON", post(DEPOSITS, "{\"amount\": "), 400, null),
                argumentSet("an empty body", post(DEPOSITS, ""), 400, null),
                argumentSet("a JSON array", post(DEPOSITS, "[]"), 400, null),
                argumentSet("a text/plain body", (Function<Http, Http.Response>) http -> http.send("POST", DEPOSITS,
                        BodyPublishers.ofString("{\"amount\": \"1.00\"}"), "Content-Type", "text/plain"), 415, null),
                argumentSet("a body over 16 KiB", post(DEPOSITS,
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
                argumentSet("POST on an account", post("/accounts/bob", "{}"), 405, null),
                argumentSet("DELETE on a payment", (Function<Http, Http.Response>) http -> http.send("DELETE",
                        "/payments/" + UUID.randomUUID(), BodyPublishers.noBody()), 405, null),
                argumentSet("an account asked for as HTML", get("/accounts/alice", "Accept", "text/html"), 406, null));
    }

    @ParameterizedTest
    @MethodSource
    void bad_requests(Function<Http, Http.Response> request, int status, @Nullable String field) {
        long events = count("account_event");
        long payments = count("payment");
        long outbox = count("outbox_event");

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
        assertThat(count("account_event")).as("ledger events").isEqualTo(events);
        assertThat(count("payment")).as("payments").isEqualTo(payments);
        assertThat(count("outbox_event")).as("outgoing events").isEqualTo(outbox);
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private static Function<Http, Http.Response> deposit(String amount) {
        return post(DEPOSITS, "{\"amount\": " + amount + "}");
    }

    private static Function<Http, Http.Response> post(String path, String body) {
        return http -> http.postJson(path, body);
    }

    private static Function<Http, Http.Response> get(String path, String... headers) {
        return http -> http.get(path, headers);
    }
}
