package dev.eventshop.messaging.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the messaging library, under {@code eventshop.messaging}. Every one has a sensible default. */
@ConfigurationProperties("eventshop.messaging")
public class MessagingProperties {

    private final Relay relay = new Relay();
    private final Inbox inbox = new Inbox();
    private final Retry retry = new Retry();
    private final Topics topics = new Topics();

    public Relay getRelay() {
        return relay;
    }

    public Inbox getInbox() {
        return inbox;
    }

    public Retry getRetry() {
        return retry;
    }

    public Topics getTopics() {
        return topics;
    }

    /** The outbox relay. */
    public static class Relay {

        /** Whether this instance runs a relay at all (one per replica; only one publishes at a time). */
        private boolean enabled = true;
        /** Fallback wake-up when no commit notification arrives. */
        private Duration pollInterval = Duration.ofSeconds(1);
        /** Rows per batch; each batch is one transaction. */
        private int batchSize = 200;
        /** How long to wait for the broker to acknowledge one record before retrying the batch. */
        private Duration sendTimeout = Duration.ofSeconds(30);
        /** First pause after a failed batch; doubles up to {@code max-backoff}. */
        private Duration initialBackoff = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(10);
        /** A relay idle this long inside its batch transaction loses its session, and so the lock. */
        private Duration lockTimeout = Duration.ofSeconds(60);
        /** How long published rows are kept before the purge deletes them. */
        private Duration retention = Duration.ofDays(7);
        /**
         * Test hook: send every record twice, as a redelivery would, to show that consumers apply each event once.
         * Never on in production.
         */
        private boolean duplicateDeliveries = false;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        public Duration getSendTimeout() {
            return sendTimeout;
        }

        public void setSendTimeout(Duration sendTimeout) {
            this.sendTimeout = sendTimeout;
        }

        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        public Duration getLockTimeout() {
            return lockTimeout;
        }

        public void setLockTimeout(Duration lockTimeout) {
            this.lockTimeout = lockTimeout;
        }

        public Duration getRetention() {
            return retention;
        }

        public void setRetention(Duration retention) {
            this.retention = retention;
        }

        public boolean isDuplicateDeliveries() {
            return duplicateDeliveries;
        }

        public void setDuplicateDeliveries(boolean duplicateDeliveries) {
            this.duplicateDeliveries = duplicateDeliveries;
        }
    }

    /** The idempotent consumer's record of processed events. */
    public static class Inbox {

        /** How long processed-event rows are kept; redeliveries older than this would run again. */
        private Duration retention = Duration.ofDays(30);
        /** How often published outbox rows and old processed-event rows are purged. */
        private Duration purgeInterval = Duration.ofHours(1);

        public Duration getRetention() {
            return retention;
        }

        public void setRetention(Duration retention) {
            this.retention = retention;
        }

        public Duration getPurgeInterval() {
            return purgeInterval;
        }

        public void setPurgeInterval(Duration purgeInterval) {
            this.purgeInterval = purgeInterval;
        }
    }

    /** Non-blocking retries on retry topics, then the dead-letter topic. */
    public static class Retry {

        /** Deliveries in all, the first included, before a record goes to the dead-letter topic. */
        private int maxAttempts = 4;
        private Duration initialInterval = Duration.ofSeconds(1);
        private double multiplier = 2.0;
        private Duration maxInterval = Duration.ofSeconds(10);

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getInitialInterval() {
            return initialInterval;
        }

        public void setInitialInterval(Duration initialInterval) {
            this.initialInterval = initialInterval;
        }

        public double getMultiplier() {
            return multiplier;
        }

        public void setMultiplier(double multiplier) {
            this.multiplier = multiplier;
        }

        public Duration getMaxInterval() {
            return maxInterval;
        }

        public void setMaxInterval(Duration maxInterval) {
            this.maxInterval = maxInterval;
        }
    }

    /** Creating the system's topics and the retry and dead-letter topics. */
    public static class Topics {

        /** Replication factor of created topics: 1 on a single broker, 3 on a real cluster. */
        private short replicationFactor = 1;

        public short getReplicationFactor() {
            return replicationFactor;
        }

        public void setReplicationFactor(short replicationFactor) {
            this.replicationFactor = replicationFactor;
        }
    }
}
