package dev.eventshop.messaging.deadletters;

import java.util.List;
import java.util.Optional;

/** The service's dead-letter topics, one per topic it consumes, and the way back to its consumer. */
public interface DeadLetterTopics {

    /** The most recent {@code maxPerPartition} records of every partition of every dead-letter topic. */
    Scan scan(int maxPerPartition);

    /** The record at that place, if one of the service's dead-letter topics holds it. */
    Optional<StoredRecord> read(DeadLetterId id);

    /**
     * Writes a record, with these headers, where only the service's own consumer of its source topic reads it.
     *
     * @return where it was written, {@code <topic>-<partition>-<offset>}
     */
    String redrive(String sourceTopic, StoredRecord record, List<StoredRecord.Header> headers);

    /** The offsets each dead-letter partition holds, first to last. */
    List<Span> spans();

    /** The source topic a dead-letter topic of the service belongs to. */
    String sourceTopic(String deadLetterTopic);

    /**
     * Records read from the dead-letter topics.
     *
     * @param truncated whether some partition held more than was read
     */
    record Scan(List<StoredRecord> records, boolean truncated) {

        public Scan {
            records = List.copyOf(records);
        }
    }

    /**
     * The records one dead-letter partition holds: offsets {@code start} (inclusive) to {@code end} (exclusive).
     */
    record Span(String deadLetterTopic, int partition, long start, long end) {
    }
}
