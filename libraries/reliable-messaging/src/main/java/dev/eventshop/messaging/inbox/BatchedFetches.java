package dev.eventshop.messaging.inbox;

/**
 * Consumer properties for a listener whose records may come a little later and several at a time: one off the saga's
 * path to an order's final status, such as a read model, a notification or a compensation. Named on the listener:
 *
 * <pre>{@code
 * @KafkaListener(topics = Topics.Names.ORDER_EVENTS,
 *         properties = {BatchedFetches.MIN_BYTES, BatchedFetches.MAX_WAIT})
 * }</pre>
 *
 * <p>By default the broker answers a consumer's fetch as soon as one record is there, and at the rates a small
 * machine carries, every record comes alone in a fetch of its own: the broker's fetch, the consumer's poll and its
 * network round trip are paid once per record, by every service that reads it. With these, the broker holds the
 * fetch until {@code min-bytes} of records are there for it (64 KiB, some 80 records) or {@code max-wait-ms} has
 * passed (1 s, as long as an idle consumer's fetch waits anyway), so a record waits at most that long, and one fetch
 * brings every record that came meanwhile. Each record is still handled on its own: its own span, its own
 * transaction, its own retries. The listener's retry-topic consumers get the same properties.
 *
 * <p>Not for a step of the saga: every step would add up to {@code max-wait-ms} to every order. Set through
 * {@code eventshop.messaging.batched-fetches.min-bytes} and {@code ...max-wait-ms}; a {@code min-bytes} of 1 gives
 * Kafka's default back.
 */
public final class BatchedFetches {

    /** Kafka's {@code fetch.min.bytes} for the listener. */
    public static final String MIN_BYTES = "fetch.min.bytes=${eventshop.messaging.batched-fetches.min-bytes:65536}";

    /** Kafka's {@code fetch.max.wait.ms} for the listener. */
    public static final String MAX_WAIT = "fetch.max.wait.ms=${eventshop.messaging.batched-fetches.max-wait-ms:1000}";

    private BatchedFetches() {
    }
}
