package dev.eventshop.email;

import static dev.eventshop.testsupport.TopicProbe.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventshop.events.OrderId;
import dev.eventshop.events.Topics;
import dev.eventshop.events.order.OrderConfirmed;
import dev.eventshop.messaging.errors.InPlaceRetries;
import dev.eventshop.messaging.errors.RetryTopics;
import dev.eventshop.testsupport.EventInjector.Published;
import dev.eventshop.testsupport.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The SMTP server goes away. It is infrastructure, like the database: events that call for an email wait for it in
 * place, however long it stays away, and nothing reaches a retry or dead-letter topic; once the server is back, each
 * email goes out exactly once. Meanwhile the service stays ready, so it keeps consuming. (An email the server rejects
 * is the email's failure and goes through the retry topics; {@code SmtpMailerTest} tells the two apart.)
 */
class SmtpOutageIT extends IntegrationTest {

    private static final String DEAD_LETTERS = "order-events.email-service.dlt";

    @Autowired
    MeterRegistry meters;
    @Value("${eventshop.messaging.retry.max-attempts}")
    int maxAttempts;

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
        // Bob's may wait behind Alice's on one partition: each record waits for the server in place, in order.
        await("an email failed").atMost(PATIENCE)
                .until(() -> refusedAttempts(alices.orderId()) + refusedAttempts(bobs.orderId()) >= 1);
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
    void waits_in_place_for_an_smtp_server_that_stays_down_past_every_retry_topic() {
        OrderConfirmed confirmed = OrderEvents.confirmed("alice");
        double inPlaceBefore = counter(InPlaceRetries.METRIC);
        double forwardedBefore = counter(RetryTopics.RETRIES) + counter(RetryTopics.DEAD_LETTERS);

        smtp.stop();
        Published published = events.publish(confirmed);
        // Down until the email has failed more often than the retry topics allow: through them, its event would be on
        // the dead-letter topic by now.
        await("more failed attempts than the retry topics allow").atMost(PATIENCE)
                .until(() -> refusedAttempts(confirmed.orderId()) > maxAttempts + 1);
        assertThat(attempts(confirmed.orderId()))
                .allSatisfy(reason -> assertThat(reason).startsWith("the SMTP server is unavailable"));
        assertThat(sentEmailRows(confirmed.orderId())).isZero();
        smtp.start();

        await("the email sent").atMost(PATIENCE).until(() -> sentEmailRows(confirmed.orderId()) == 1);
        assertThat(smtp.receivedAbout(confirmed.orderId())).hasSize(1);
        assertThat(processed(published.eventId())).isOne();
        assertThat(emailSentEvents(confirmed.orderId())).isOne();
        assertThat(counter(InPlaceRetries.METRIC) - inPlaceBefore).as("retried in place").isGreaterThan(maxAttempts);
        assertThat(counter(RetryTopics.RETRIES) + counter(RetryTopics.DEAD_LETTERS) - forwardedBefore)
                .as("forwarded to a retry or dead-letter topic").isZero();
        try (TopicProbe deadLetters = new TopicProbe(bootstrapServers, DEAD_LETTERS)) {
            assertThat(deadLetters.drain(Duration.ofSeconds(1))).noneMatch(withKey(confirmed.orderId().toString()));
        }
    }

    private double counter(String name) {
        return meters.counter(name, "topic", Topics.Names.ORDER_EVENTS).count();
    }

    private long refusedAttempts(OrderId orderId) {
        return attempts(orderId).stream().filter(reason -> !reason.equals("unknown")).count();
    }
}
