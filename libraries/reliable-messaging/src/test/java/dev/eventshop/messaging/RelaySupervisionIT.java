package dev.eventshop.messaging;

import static dev.eventshop.testsupport.TopicProbe.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventshop.events.Topics;
import dev.eventshop.events.order.OrderPlaced;
import dev.eventshop.messaging.config.MessagingProperties;
import dev.eventshop.messaging.outbox.OutboxRelay;
import dev.eventshop.messaging.outbox.OutboxRelayHealthIndicator;
import dev.eventshop.testsupport.Infrastructure;
import dev.eventshop.testsupport.TopicProbe;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.health.contributor.Status;

/** The relay keeps itself going and says when it cannot, without costing the database on standby. */
class RelaySupervisionIT {

    private final String bootstrapServers = Infrastructure.get().kafkaBootstrapServers();

    @RegisterExtension
    final StandaloneRelays relays = StandaloneRelays.onTheTestBroker(Topics.ORDER_EVENTS);

    @Test
    void a_relay_thread_killed_by_an_unexpected_error_is_started_again_and_publishes() {
        OutboxRelay relay = relays.relay("relay", StandaloneRelays.settings(Duration.ofSeconds(10)),
                producer -> FaultyProducers.throwingOnFirstSend(producer, new AssertionError("a bug in the relay")),
                new AtomicInteger());
        relay.start();
        OrderPlaced event = Samples.orderPlaced();

        relays.appender().append(event);

        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.ORDER_EVENTS.name())) {
            probe.awaitAtLeast(1, withKey(event.orderId().toString()), Duration.ofSeconds(15));
        }
        assertThat(relays.meters.get("eventshop.outbox.relay.restarts").counter().count()).isEqualTo(1.0);
        assertThat(relays.pending()).isZero();
    }

    @Test
    void a_relay_that_cannot_publish_pending_rows_for_its_stall_timeout_is_down() {
        MessagingProperties.Relay settings = StandaloneRelays.settings(Duration.ofSeconds(2))
                .withStallTimeout(Duration.ofSeconds(3));
        OutboxRelay relay = relays.relayToNowhere("relay", settings);
        OutboxRelayHealthIndicator health = new OutboxRelayHealthIndicator(relay);
        assertThat(health.health().getStatus()).as("before start").isEqualTo(Status.OUT_OF_SERVICE);
        relay.start();
        await().atMost(Duration.ofSeconds(10)).until(relay::isLeading);
        assertThat(health.health().getStatus()).as("nothing to publish").isEqualTo(Status.UP);

        relays.appender().append(Samples.orderPlaced());

        await().atMost(Duration.ofSeconds(20)).until(() -> health.health().getStatus().equals(Status.DOWN));
        assertThat(relay.state().sinceProgress()).isGreaterThan(Duration.ofSeconds(3));
        assertThat(relays.pending()).isEqualTo(1);
    }

    @Test
    void a_standby_relay_reads_commit_notifications_without_running_a_transaction_for_each() throws Exception {
        CountDownLatch leaderSending = new CountDownLatch(1);
        CountDownLatch releaseLeader = new CountDownLatch(1);
        // The leader is stuck in its batch, holding the lock: the other relay stays on standby throughout.
        OutboxRelay leader = relays.relay("leader", StandaloneRelays.settings(Duration.ofSeconds(10)),
                producer -> FaultyProducers.blockingSends(producer, leaderSending, releaseLeader),
                new AtomicInteger());
        AtomicInteger standbyTransactions = new AtomicInteger();
        OutboxRelay standby = relays.relay("standby",
                StandaloneRelays.settings(Duration.ofSeconds(10)).withPollInterval(Duration.ofSeconds(2)),
                producer -> producer, standbyTransactions);
        StandaloneRelays.Appender appender = relays.appender();
        try {
            leader.start();
            appender.append(Samples.orderPlaced());
            assertThat(leaderSending.await(10, TimeUnit.SECONDS)).isTrue();
            standby.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> standbyTransactions.get() >= 1);

            for (int i = 0; i < 30; i++) {
                appender.append(Samples.orderPlaced());
            }
            int afterCommits = standbyTransactions.get();
            // Its next try to lead comes with the poll: by then every commit's notification had reached it.
            await().atMost(Duration.ofSeconds(10)).until(() -> standbyTransactions.get() > afterCommits);

            assertThat(standby.isLeading()).isFalse();
            assertThat(standbyTransactions.get()).as("transactions for 30 commit notifications").isLessThanOrEqualTo(4);
        } finally {
            releaseLeader.countDown();
        }
    }
}
