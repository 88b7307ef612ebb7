package dev.eventshop.messaging.deadletters;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A record as a dead-letter topic holds it: bytes and headers, nothing decoded.
 *
 * @param timestamp when it was written to the dead-letter topic, after its last failed attempt
 */
public record StoredRecord(DeadLetterId id, byte @Nullable [] key, byte @Nullable [] value, Instant timestamp,
        List<Header> headers) {

    public StoredRecord {
        headers = List.copyOf(headers);
    }

    /** The last header of that name, as Kafka's {@code lastHeader} reads it. */
    public Optional<byte[]> lastHeader(String name) {
        for (int i = headers.size() - 1; i >= 0; i--) {
            if (headers.get(i).name().equals(name)) {
                return Optional.ofNullable(headers.get(i).value());
            }
        }
        return Optional.empty();
    }

    /** One record header; Kafka allows a header without a value. */
    public record Header(String name, byte @Nullable [] value) {
    }
}
