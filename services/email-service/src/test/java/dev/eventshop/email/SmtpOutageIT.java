package dev.eventshop.email;

import static dev.eventshop.testsupport.TopicProbe.header;
import static dev.eventshop.testsupport.TopicProbe.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventshop.events.OrderId;
import dev.eventshop.events.order.OrderConfirmed;
import dev.eventshop.testsupport.EventInjector.Published;
import dev.eventshop.testsupport.TopicProbe;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SMTP server goes away. Events that call for an email move through the retry topics; once the server is back,
 * each email goes out exactly once; an email it never takes ends, with its event as it arrived, in the dead-letter
 * topic and is not marked sent. Meanwhile the service stays ready, so it keeps consuming. The retry settings of the
 * {@code it} profile (five attempts, 0.5 s doubling) keep all of this within seconds.
 */
class SmtpOutageIT extends IntegrationTest {

    private static final String DEAD_LETTERS = "order-events.email-service.dlt";

    @AfterEach
    void smtpServerIsBack() {
        smtp.start();
    }

    @Test
    void sends_every_email_exactly_once_when_the_smtp_server_comes_back() {
        OrderConfirmed alices = OrderEvents.confirmed("alice");
        OrderConfirmed bobs = OrderEvents.confirmed("bob");

        smtp.stop();
        events.publish(alices);
        events.publish(bobs);
        await("both emails failed at least once").atMost(PATIENCE)
                .until(() -> refusedAttempts(alices.orderId()) >= 1 && refusedAttempts(bobs.orderId()) >= 1);
        assertThat(http.get("/actuator/health/readiness").status()).as("ready while SMTP is down").isEqualTo(200);
        assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(http.get("/actuator/health").status()).as("the mail health indicator tells").isEqualTo(503);
        assertThat(sentEmailRows(alices.orderId()) + sentEmailRows(bobs.orderId())).isZero();
        smtp.start();

        await("both emails sent").atMost(PATIENCE)
                .until(() -> sentEmailRows(alices.orderId()) == 1 && sentEmailRows(bobs.orderId()) == 1);
        assertThat(smtp.receivedAbout(alices.orderId())).singleElement()
                .satisfies(email -> assertThat(email.to()).containsExactly("alice@customers.eventshop.test"));
        assertThat(smtp.receivedAbout(bobs.orderId())).singleElement()
                .satisfies(email -> assertThat(email.to()).containsExactly("bob@customers.eventshop.test"));
        assertThat(emailSentEvents(alices.orderId())).isOne();
        assertThat(emailSentEvents(bobs.orderId())).isOne();
        assertThat(attempts(alices.orderId())).isEmpty();
        assertThat(attempts(bobs.orderId())).isEmpty();
    }

    @Test
    void dead_letters_the_event_as_it_arrived_when_the_smtp_server_stays_down_past_the_last_retry() {
        OrderConfirmed confirmed = OrderEvents.confirmed("alice");
        String order = confirmed.orderId().toString();

        Published published;
        smtp.stop();
        try (TopicProbe deadLetters = new TopicProbe(bootstrapServers, DEAD_LETTERS)) {
            published = events.publish(confirmed);

            ConsumerRecord<String, byte[]> dead = deadLetters.awaitAtLeast(1, withKey(order), PATIENCE).getFirst();
            assertThat(dead.value()).isEqualTo(published.value());
            assertThat(header(dead, "ce_id")).isEqualTo(published.eventId().toString());
            assertThat(header(dead, "ce_type")).isEqualTo("dev.eventshop.order.confirmed.v1");
        }
        assertThat(attempts(confirmed.orderId())).as("one attempt per delivery, each certainly failed").hasSize(5)
                .allSatisfy(reason -> assertThat(reason).startsWith("the SMTP server did not take the email"));
        assertThat(sentEmailRows(confirmed.orderId())).isZero();
        assertThat(processed(published.eventId())).isZero();
        assertThat(emailSentEvents(confirmed.orderId())).isZero();
        smtp.start();
        assertThat(emailEvents.drain(Duration.ofSeconds(1))).noneMatch(withKey(order));
        assertThat(smtp.receivedAbout(confirmed.orderId())).isEmpty();
    }

    private long refusedAttempts(OrderId orderId) {
        return attempts(orderId).stream().filter(reason -> !reason.equals("unknown")).count();
    }
}
