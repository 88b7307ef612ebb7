package dev.eventshop.messaging.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * What an operator needs to know about one dead letter: where it came from, which event it is, why it failed and
 * since when, and whether it has been redriven.
 *
 * @param topic the topic the record was first published on
 * @param partition its partition there, if the dead-letter headers name it
 * @param offset its offset there, if the dead-letter headers name it
 * @param failure the exception of its last attempt: its class (the root cause's, when there is one) and message
 * @param firstFailedAt when its first attempt failed
 * @param deadLetteredAt when its last attempt failed and it was written to the dead-letter topic
 * @param attempts how many times it was delivered before it was given up
 * @param redriveOf the dead letter this record is a redrive of, when a redriven record failed again
 * @param redrive its last successful redrive, if there was one
 */
public record DeadLetter(DeadLetterId id, String topic, @Nullable Integer partition, @Nullable Long offset,
        @Nullable String key, @Nullable String type, @Nullable String eventId, Failure failure, Instant firstFailedAt,
        Instant deadLetteredAt, int attempts, @Nullable DeadLetterId redriveOf, @Nullable Redrive redrive) {

    /** The headers Spring Kafka's retry topics write on a forwarded record, and the library's own. */
    public static final class Headers {

        public static final String ORIGINAL_TOPIC = "kafka_original-topic";
        public static final String ORIGINAL_PARTITION = "kafka_original-partition";
        public static final String ORIGINAL_OFFSET = "kafka_original-offset";
        public static final String EXCEPTION_CLASS = "kafka_exception-fqcn";
        public static final String EXCEPTION_CAUSE_CLASS = "kafka_exception-cause-fqcn";
        public static final String EXCEPTION_MESSAGE = "kafka_exception-message";
        public static final String EXCEPTION_STACKTRACE = "kafka_exception-stacktrace";
        public static final String ATTEMPTS = "retry_topic-attempts";
        /** Written by the library on a record's first forward, to a retry or the dead-letter topic. */
        public static final String FIRST_FAILED_AT = "eventshop_first-failed-at";
        /** Written on a redriven record: the dead letter it came from. */
        public static final String REDRIVE_OF = "eventshop_redrive-of";
        public static final String CE_TYPE = "ce_type";
        public static final String CE_ID = "ce_id";

        /**
         * What a redrive leaves out: the failure, the retry state and the first failure's time belong to the last
         * run through the retries, and the retry listener acts on them (a backoff timestamp would delay the record, the
         * attempts would shorten its retries). The {@code kafka_original-*} headers stay: Spring Kafka keeps the first
         * ones, so a redriven record that fails again still names where it was first published.
         */
        public static boolean droppedOnRedrive(String name) {
            return name.startsWith("kafka_exception-") || name.startsWith("kafka_key-exception-")
                    || name.startsWith("kafka_dlt-") || name.startsWith("retry_topic-")
                    || name.equals(FIRST_FAILED_AT) || name.equals(REDRIVE_OF);
        }

        private Headers() {
        }
    }

    /**
     * Why it failed.
     *
     * @param exceptionClass the fully qualified class name
     */
    public record Failure(@Nullable String exceptionClass, @Nullable String message) {
    }

    /** Reads a dead-letter topic's record: the source topic is the one its dead-letter topic is named after. */
    public static DeadLetter of(StoredRecord record, String sourceTopic, @Nullable Redrive redrive) {
        return new DeadLetter(record.id(),
                text(record, Headers.ORIGINAL_TOPIC) instanceof String original ? original : sourceTopic,
                record.lastHeader(Headers.ORIGINAL_PARTITION).filter(bytes -> bytes.length == Integer.BYTES)
                        .map(bytes -> ByteBuffer.wrap(bytes).getInt()).orElse(null),
                record.lastHeader(Headers.ORIGINAL_OFFSET).filter(bytes -> bytes.length == Long.BYTES)
                        .map(bytes -> ByteBuffer.wrap(bytes).getLong()).orElse(null),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                text(record, Headers.CE_TYPE), text(record, Headers.CE_ID),
                failure(record),
                firstFailedAt(record), record.timestamp(),
                attempts(record),
                redriveOf(record), redrive);
    }

    public boolean redriven() {
        return redrive != null;
    }

    public DeadLetter withRedrive(Redrive redrive) {
        return new DeadLetter(id, topic, partition, offset, key, type, eventId, failure, firstFailedAt, deadLetteredAt,
                attempts, redriveOf, redrive);
    }

    /** A record dead-lettered on its first attempt has no stamp of its first failure: it was this one. */
    private static Instant firstFailedAt(StoredRecord record) {
        String stamp = text(record, Headers.FIRST_FAILED_AT);
        if (stamp != null) {
            try {
                return Instant.parse(stamp);
            } catch (DateTimeParseException e) {
                // not ours after all: fall back to the dead-lettering time
            }
        }
        return record.timestamp();
    }

    /**
     * The innermost cause the stack trace names: Spring Kafka's class headers stop at its own wrappers (a
     * {@code DeserializationException} for a record that could not be decoded), the stack trace goes to the reason.
     */
    private static Failure failure(StoredRecord record) {
        String stackTrace = text(record, Headers.EXCEPTION_STACKTRACE);
        if (stackTrace != null) {
            String innermost = null;
            for (String line : stackTrace.lines().map(String::strip).toList()) {
                if (line.startsWith("Caused by: ")) {
                    innermost = line.substring("Caused by: ".length());
                }
            }
            if (innermost != null) {
                int colon = innermost.indexOf(": ");
                return colon < 0
                        ? new Failure(innermost, null)
                        : new Failure(innermost.substring(0, colon), innermost.substring(colon + 2));
            }
        }
        String causeClass = text(record, Headers.EXCEPTION_CAUSE_CLASS);
        return new Failure(causeClass != null ? causeClass : text(record, Headers.EXCEPTION_CLASS),
                text(record, Headers.EXCEPTION_MESSAGE));
    }

    /** Spring Kafka's attempts header counts the delivery a forward is for: one more than those that failed. */
    private static int attempts(StoredRecord record) {
        return record.lastHeader(Headers.ATTEMPTS).filter(bytes -> bytes.length == Integer.BYTES)
                .map(bytes -> Math.max(1, ByteBuffer.wrap(bytes).getInt() - 1)).orElse(1);
    }

    private static @Nullable DeadLetterId redriveOf(StoredRecord record) {
        String id = text(record, Headers.REDRIVE_OF);
        try {
            return id == null ? null : DeadLetterId.parse(id);
        } catch (MalformedDeadLetterIdException e) {
            return null;
        }
    }

    private static @Nullable String text(StoredRecord record, String header) {
        return record.lastHeader(header).map(bytes -> new String(bytes, StandardCharsets.UTF_8)).orElse(null);
    }
}
