package dev.eventshop.email;

import static dev.eventshop.testsupport.Http.Request.get;
import static dev.eventshop.testsupport.Http.Request.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.eventshop.testsupport.BadInputContract;
import dev.eventshop.testsupport.Http;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/** Every kind of bad request gets the contract's status as RFC 9457 problem details, never a stack trace or HTML. */
class BadInputIT extends IntegrationTest implements BadInputContract {

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
                argumentSet("POST on the emails", send("POST", "/emails", BodyPublishers.ofString("{}"),
                        "Content-Type", "application/json"), 405, null),
                argumentSet("emails asked for as HTML",
                        get("/emails?orderId=" + UUID.randomUUID(), "Accept", "text/html"), 406, null));
    }

    @Test
    void lists_no_emails_for_an_order_it_never_heard_of() {
        Http.Response response = http.get("/emails?orderId=" + UUID.randomUUID());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().isArray()).isTrue();
        assertThat(response.json().isEmpty()).isTrue();
    }
}
