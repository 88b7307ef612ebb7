package dev.eventshop.messaging.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Settings of the messaging library, under {@code eventshop.messaging}. Every one has a default that suits a service
 * on one broker; a real cluster sets {@code topics.replication-factor}.
 */
@ConfigurationProperties("eventshop.messaging")
public record MessagingProperties(@DefaultValue Relay relay, @DefaultValue Inbox inbox, @DefaultValue Retry retry,
        @DefaultValue Topics topics) {

    public static final String PREFIX = "eventshop.messaging";

    /** The defaults, as a service without any setting gets them (for code that runs outside a Spring context). */
    public static MessagingProperties defaults() {
        return new Binder(new MapConfigurationPropertySource())
                .bindOrCreate(PREFIX, MessagingProperties.class);
    }

    /**
     * The outbox relay.
     *
     * @param enabled whether this instance runs a relay at all (one per replica; only one publishes at a time)
     * @param pollInterval fallback wake-up when no commit notification arrives
     * @param batchSize rows per batch; each batch is one transaction, and waits once for the broker's acknowledgements
     * @param sendTimeout how long to wait for the broker to acknowledge one record before retrying the batch
     * @param initialBackoff first pause after a failed batch; doubles up to {@code maxBackoff}
     * @param maxBackoff the longest pause between failed batches
     * @param lockTimeout a relay idle this long inside its batch transaction loses its session, and so the lock
     * @param retention how long published rows are kept before the purge deletes them
     * @param maxAttempts sends of a row the broker rejects for good (too large, not authorised, no such topic)
     *     before the row is parked; rows of its key wait behind it until it is released
     * @param stallTimeout the relay's health is DOWN when it has neither published nor found nothing to publish for
     *     this long (the broker is unreachable, or the relay hangs)
     */
    public record Relay(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("1000") int batchSize, @DefaultValue("30s") Duration sendTimeout,
            @DefaultValue("200ms") Duration initialBackoff, @DefaultValue("10s") Duration maxBackoff,
            @DefaultValue("60s") Duration lockTimeout, @DefaultValue("7d") Duration retention,
            @DefaultValue("5") int maxAttempts, @DefaultValue("2m") Duration stallTimeout) {

        /** Rejects settings under which a healthy relay would lose its lock, so a service fails at start-up. */
        public Relay {
            if (lockTimeout.compareTo(sendTimeout) <= 0) {
                throw new IllegalArgumentException(("%s.relay.lock-timeout (%s) must exceed %s.relay.send-timeout "
                        + "(%s): a batch waits up to send-timeout for the broker inside its transaction, and a "
                        + "transaction idle for lock-timeout loses its session, its lock and the batch")
                        .formatted(PREFIX, lockTimeout, PREFIX, sendTimeout));
            }
            if (stallTimeout.compareTo(pollInterval) <= 0) {
                throw new IllegalArgumentException(("%s.relay.stall-timeout (%s) must exceed %s.relay.poll-interval "
                        + "(%s): an idle relay shows its progress once per poll").formatted(PREFIX, stallTimeout,
                        PREFIX, pollInterval));
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException(
                        "%s.relay.max-attempts (%d) must be at least 1".formatted(PREFIX, maxAttempts));
            }
        }

        public Relay withPollInterval(Duration interval) {
            return new Relay(enabled, interval, batchSize, sendTimeout, initialBackoff, maxBackoff, lockTimeout,
                    retention, maxAttempts, stallTimeout);
        }

        public Relay withSendTimeout(Duration timeout) {
            return new Relay(enabled, pollInterval, batchSize, timeout, initialBackoff, maxBackoff, lockTimeout,
                    retention, maxAttempts, stallTimeout);
        }

        public Relay withMaxBackoff(Duration backoff) {
            return new Relay(enabled, pollInterval, batchSize, sendTimeout, initialBackoff, backoff, lockTimeout,
                    retention, maxAttempts, stallTimeout);
        }

        public Relay withMaxAttempts(int attempts) {
            return new Relay(enabled, pollInterval, batchSize, sendTimeout, initialBackoff, maxBackoff, lockTimeout,
                    retention, attempts, stallTimeout);
        }

        public Relay withStallTimeout(Duration timeout) {
            return new Relay(enabled, pollInterval, batchSize, sendTimeout, initialBackoff, maxBackoff, lockTimeout,
                    retention, maxAttempts, timeout);
        }
    }

    /**
     * The idempotent consumer's record of processed events.
     *
     * @param retention how long processed-event rows are kept; redeliveries older than this would run again
     * @param purgeInterval how often published outbox rows and old processed-event rows are purged
     */
    public record Inbox(@DefaultValue("30d") Duration retention, @DefaultValue("1h") Duration purgeInterval) {
    }

    /**
     * Failures of a record: non-blocking retries on retry topics, then the dead-letter topic. Failures of the database
     * or broker are retried in place instead ({@code infrastructure}).
     *
     * @param maxAttempts deliveries in all, the first included, before a record goes to the dead-letter topic
     * @param initialInterval the pause before the first retry
     * @param multiplier how much longer each next pause is
     * @param maxInterval the longest pause
     * @param infrastructure retries in place while the database, broker or another dependency is unavailable
     */
    public record Retry(@DefaultValue("4") int maxAttempts, @DefaultValue("1s") Duration initialInterval,
            @DefaultValue("2.0") double multiplier, @DefaultValue("10s") Duration maxInterval,
            @DefaultValue Infrastructure infrastructure) {
    }

    /**
     * Retries in place of a record whose handler failed because the database, broker or another dependency is
     * unavailable: the same record again, on the same partition, with a growing pause, until the dependency is back.
     * The consumer thread sleeps through each pause, so {@code maxInterval} stays well below the consumer's
     * {@code max.poll.interval.ms}.
     *
     * @param initialInterval the pause before the first retry
     * @param multiplier how much longer each next pause is
     * @param maxInterval the longest pause
     */
    public record Infrastructure(@DefaultValue("500ms") Duration initialInterval,
            @DefaultValue("2.0") double multiplier, @DefaultValue("5s") Duration maxInterval) {
    }

    /**
     * Creating the system's topics and the retry and dead-letter topics.
     *
     * @param replicationFactor replication factor of created topics: 1 on a single broker, 3 on a real cluster
     */
    public record Topics(@DefaultValue("1") short replicationFactor) {
    }
}
