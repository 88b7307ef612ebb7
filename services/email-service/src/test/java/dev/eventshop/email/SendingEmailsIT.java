package dev.eventshop.email;

import static dev.eventshop.testsupport.TopicProbe.header;
import static dev.eventshop.testsupport.TopicProbe.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventshop.events.EventJson;
import dev.eventshop.events.email.EmailKind;
import dev.eventshop.events.email.EmailSent;
import dev.eventshop.events.order.CancellationReason;
import dev.eventshop.events.order.OrderCancelled;
import dev.eventshop.events.order.OrderConfirmed;
import dev.eventshop.testsupport.EventInjector.Published;
import dev.eventshop.testsupport.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * Order outcomes published to Kafka as the order-service would, and what comes of them: an email in the real SMTP
 * server's mailbox, a line in the sent-email log, {@code EmailSent} on {@code email-events}; once per order and kind,
 * however often the outcome arrives.
 */
@ExtendWith(OutputCaptureExtension.class)
class SendingEmailsIT extends IntegrationTest {

    private static final String ALICE = "alice@customers.eventshop.test";

    @Test
    void mails_alice_once_when_her_order_is_confirmed_and_tells_the_other_services() {
        OrderConfirmed confirmed = OrderEvents.confirmed("alice");
        String order = confirmed.orderId().toString();

        Published published = events.publish(confirmed);

        ReceivedEmail email = awaitEmails(confirmed.orderId(), 1).getFirst();
        assertThat(email.to()).containsExactly(ALICE);
        assertThat(email.from()).isEqualTo("EventShop <orders@eventshop.test>");
        assertThat(email.subject()).isEqualTo("Your order " + order.substring(0, 8) + " is confirmed");
        assertThat(email.contentType()).startsWith("multipart/");
        assertThat(email.parts()).containsOnlyKeys("text/plain", "text/html");
        assertThat(email.text()).contains("Hello alice,").contains("KB-001         2   89.00 EUR  178.00 EUR")
                .contains("MS-002         1   29.00 EUR   29.00 EUR").contains("Total  207.00 EUR")
                .contains("Order number: " + order);
        assertThat(email.html()).contains("<td>KB-001</td>").contains(">207.00 EUR</th>");
        assertThat(email.messageId()).isEqualTo("<" + order + ".order-confirmed@eventshop.test>");

        ConsumerRecord<String, byte[]> sent = emailEvents.awaitAtLeast(1, withKey(order), PATIENCE).getFirst();
        assertThat(header(sent, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(sent, "ce_type")).isEqualTo(EMAIL_SENT);
        assertThat(header(sent, "ce_source")).isEqualTo("/email-service");
        assertThat(header(sent, "ce_subject")).isEqualTo(order);
        assertThat(UUID.fromString(header(sent, "ce_id"))).isNotEqualTo(published.eventId());
        assertThat(Instant.parse(header(sent, "ce_time"))).isNotNull();
        assertThat(header(sent, "content-type")).isEqualTo("application/json");
        assertThat(header(sent, "traceparent")).isNotBlank();
        EmailSent event = EventJson.read(sent.value(), EmailSent.class);
        assertThat(event.orderId()).isEqualTo(confirmed.orderId());
        assertThat(event.kind()).isEqualTo(EmailKind.ORDER_CONFIRMED);
        assertThat(event.to()).isEqualTo(ALICE);
        assertThat(event.subject()).isEqualTo(email.subject());

        List<JsonNode> log = http.get("/emails?orderId=" + order).json().valueStream().toList();
        assertThat(log).hasSize(1);
        assertThat(log.getFirst().get("to").asString()).isEqualTo(ALICE);
        assertThat(log.getFirst().get("subject").asString()).isEqualTo(email.subject());
        assertThat(log.getFirst().get("kind").asString()).isEqualTo("ORDER_CONFIRMED");
        assertThat(Instant.parse(log.getFirst().get("sentAt").asString())).isEqualTo(event.sentAt());
        assertThat(sentEmailRows(confirmed.orderId())).isOne();
        assertThat(attempts(confirmed.orderId())).as("attempts are forgotten once the email is sent").isEmpty();
        assertThat(emailEvents.drain(Duration.ofMillis(500))).filteredOn(withKey(order)).hasSize(1);
    }

    @Test
    void tells_bob_in_words_that_his_order_was_cancelled_because_the_payment_was_declined() {
        OrderCancelled cancelled = OrderEvents.cancelled("bob", CancellationReason.PAYMENT_DECLINED);
        String order = cancelled.orderId().toString();

        events.publish(cancelled);

        ReceivedEmail email = awaitEmails(cancelled.orderId(), 1).getFirst();
        assertThat(email.to()).containsExactly("bob@customers.eventshop.test");
        assertThat(email.subject()).isEqualTo("Your order " + order.substring(0, 8) + " was cancelled");
        assertThat(email.text()).contains("was cancelled because the payment was declined.");
        assertThat(email.html()).contains("was cancelled because the payment was declined.");
        assertThat(email.messageId()).isEqualTo("<" + order + ".order-cancelled@eventshop.test>");
        await().atMost(PATIENCE).until(() -> sentEmailRows(cancelled.orderId()) == 1);
        assertThat(http.get("/emails?orderId=" + order).json().get(0).get("kind").asString())
                .isEqualTo("ORDER_CANCELLED");
    }

    @Test
    void mails_one_cancellation_when_an_order_timed_out_however_often_the_cancellation_arrives() {
        OrderCancelled timedOut = OrderEvents.cancelled("alice", CancellationReason.TIMED_OUT);
        String order = timedOut.orderId().toString();

        Published first = events.publish(timedOut);
        Published again = events.publish(timedOut, first.eventId());
        Published anotherEventOfTheSameOutcome = events.publish(timedOut);
        awaitConsumed(first, again, anotherEventOfTheSameOutcome);

        ReceivedEmail email = awaitEmails(timedOut.orderId(), 1).getFirst();
        assertThat(email.subject()).isEqualTo("Your order " + order.substring(0, 8) + " was cancelled");
        assertThat(email.text()).contains("was cancelled because we could not complete it in time.")
                .contains("it will be refunded in full.");
        assertThat(smtp.receivedAbout(timedOut.orderId())).hasSize(1);
        assertThat(sentEmailRows(timedOut.orderId())).isOne();
        assertThat(emailSentEvents(timedOut.orderId())).isOne();
    }

    @Test
    void sends_one_email_however_often_the_outcome_arrives() {
        OrderConfirmed confirmed = OrderEvents.confirmed("alice");
        UUID eventId = UUID.randomUUID();

        Published first = events.publish(confirmed, eventId);
        Published again = events.publish(confirmed, eventId);
        Published anotherEventOfTheSameOutcome = events.publish(confirmed);
        awaitConsumed(first, again, anotherEventOfTheSameOutcome);

        assertThat(smtp.receivedAbout(confirmed.orderId())).hasSize(1);
        assertThat(sentEmailRows(confirmed.orderId())).isOne();
        assertThat(emailSentEvents(confirmed.orderId())).isOne();
        assertThat(processed(eventId)).isOne();
        assertThat(processed(anotherEventOfTheSameOutcome.eventId())).as("processed, and found the email sent")
                .isOne();
    }

    @Test
    void sends_a_confirmation_and_a_cancellation_of_one_order_as_two_emails() {
        OrderConfirmed confirmed = OrderEvents.confirmed("alice");
        OrderCancelled cancelled = new OrderCancelled(confirmed.orderId(), confirmed.customerId(), confirmed.lines(),
                confirmed.total(), CancellationReason.OUT_OF_STOCK, Instant.now());

        events.publish(confirmed);
        events.publish(cancelled);

        assertThat(awaitEmails(confirmed.orderId(), 2)).extracting(ReceivedEmail::subject).containsExactlyInAnyOrder(
                "Your order " + confirmed.orderId().toString().substring(0, 8) + " is confirmed",
                "Your order " + confirmed.orderId().toString().substring(0, 8) + " was cancelled");
        await().atMost(PATIENCE).until(() -> sentEmailRows(confirmed.orderId()) == 2);
        assertThat(http.get("/emails?orderId=" + confirmed.orderId()).json().valueStream()
                .map(email -> email.get("kind").asString())).containsExactly("ORDER_CONFIRMED", "ORDER_CANCELLED");
    }

    @Test
    void warns_that_the_customer_may_already_have_an_email_whose_earlier_attempt_ended_unknown(CapturedOutput output) {
        OrderConfirmed confirmed = OrderEvents.confirmed("alice");
        UUID eventId = UUID.randomUUID();
        // What a process leaves behind that died after the SMTP server accepted the email, before it could commit.
        jdbc.sql("""
                INSERT INTO email_attempt (order_id, kind, event_id, attempted_at)
                VALUES (:orderId, 'ORDER_CONFIRMED', :eventId, now() - interval '1 minute')
                """).param("orderId", confirmed.orderId().value()).param("eventId", eventId).update();

        events.publish(confirmed, eventId);

        awaitEmails(confirmed.orderId(), 1);
        await().atMost(PATIENCE).until(() -> sentEmailRows(confirmed.orderId()) == 1);
        assertThat(output.getOut().lines().filter(line -> line.contains("orderId=" + confirmed.orderId())))
                .anySatisfy(line -> assertThat(line).contains("WARN")
                        .contains("An earlier attempt to send the ORDER_CONFIRMED email (for event " + eventId)
                        .contains("the customer may already have it"));
        assertThat(attempts(confirmed.orderId())).isEmpty();
    }

    @Test
    void dead_letters_at_once_an_outcome_for_a_customer_without_an_email_address() {
        OrderConfirmed confirmed = OrderEvents.confirmed("alice smith");

        try (TopicProbe deadLetters = new TopicProbe(bootstrapServers, "order-events.email-service.dlt")) {
            Published published = events.publish(confirmed);

            ConsumerRecord<String, byte[]> dead = deadLetters.awaitAtLeast(1,
                    withKey(confirmed.orderId().toString()), PATIENCE).getFirst();
            assertThat(dead.value()).isEqualTo(published.value());
            assertThat(header(dead, "kafka_exception-message")).contains("has no email address");
        }
        assertThat(attempts(confirmed.orderId())).as("never retried, never tried").isEmpty();
        assertThat(sentEmailRows(confirmed.orderId())).isZero();
    }
}
