package dev.eventshop.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventshop.email.notification.application.EmailAttemptProperties;
import dev.eventshop.email.notification.persistence.EmailAttemptPurge;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.order.OrderConfirmed;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A sent email clears its attempts, but the attempts at one that was never sent, its event dead-lettered, would stay
 * for ever: they go once the last attempt at that email is older than {@code eventshop.email.attempts.retention}.
 */
class EmailAttemptPurgeIT extends IntegrationTest {

    @Autowired
    private EmailAttemptPurge purge;
    @Autowired
    private EmailAttemptProperties properties;

    @Test
    void purges_the_attempts_at_emails_given_up_before_the_retention_and_keeps_the_rest() {
        Instant beforeTheRetention = Instant.now().minus(properties.retention()).minus(Duration.ofDays(1));
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        OrderId givenUp = OrderId.newId();
        attempt(givenUp, "ORDER_CONFIRMED", beforeTheRetention.minus(Duration.ofHours(2)), "SMTP server unreachable");
        attempt(givenUp, "ORDER_CONFIRMED", beforeTheRetention, null);
        attempt(givenUp, "ORDER_CANCELLED", anHourAgo, "SMTP server unreachable");
        OrderId stillTried = OrderId.newId();
        attempt(stillTried, "ORDER_CONFIRMED", beforeTheRetention, null);
        attempt(stillTried, "ORDER_CONFIRMED", anHourAgo, "SMTP server unreachable");
        OrderConfirmed sent = OrderEvents.confirmed("alice");
        events.publish(sent);
        awaitEmails(sent.orderId(), 1);
        await("the email logged sent").atMost(PATIENCE).until(() -> sentEmailRows(sent.orderId()) == 1);

        int purged = purge.purge();

        assertThat(purged).as("at least the given-up email's two attempts").isGreaterThanOrEqualTo(2);
        assertThat(attempts(givenUp, "ORDER_CONFIRMED")).as("given up before the retention").isEmpty();
        assertThat(attempts(givenUp, "ORDER_CANCELLED")).as("another email of the same order, tried an hour ago")
                .containsExactly("SMTP server unreachable");
        assertThat(attempts(stillTried, "ORDER_CONFIRMED")).as("its last attempt is recent, so every one stays")
                .containsExactly("unknown", "SMTP server unreachable");
        assertThat(http.get("/emails?orderId=" + sent.orderId()).json().valueStream()
                .map(email -> email.get("kind").asString())).as("the log of sent emails").containsExactly(
                        "ORDER_CONFIRMED");
        assertThat(purge.purge()).as("nothing more to purge").isZero();
    }

    /** An attempt as the service records it; {@code null} for one whose outcome nobody knows. */
    private void attempt(OrderId orderId, String kind, Instant at, @Nullable String notDelivered) {
        jdbc.sql("""
                INSERT INTO email_attempt (order_id, kind, event_id, attempted_at, not_delivered_reason)
                VALUES (:orderId, :kind, :eventId, :at, :reason)
                """)
                .param("orderId", orderId.value()).param("kind", kind).param("eventId", UUID.randomUUID())
                .param("at", at.atOffset(ZoneOffset.UTC)).param("reason", notDelivered)
                .update();
    }

    private List<String> attempts(OrderId orderId, String kind) {
        return jdbc.sql("""
                SELECT coalesce(not_delivered_reason, 'unknown') FROM email_attempt
                WHERE order_id = :orderId AND kind = :kind ORDER BY id
                """)
                .param("orderId", orderId.value()).param("kind", kind).query(String.class).list();
    }
}
