package dev.eventshop.analytics.sales.application;

import dev.eventshop.events.IntegrationEvent;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** The topics as a log that can be read again from the start. */
public interface EventLog {

    /**
     * Reads every topic from its start up to where each of its partitions ends at the moment of the call, and hands
     * the events over in batches. A record that is not an event of a known type is skipped and counted, as the live
     * consumer sends it to its dead-letter topic.
     *
     * @throws EventLogUnavailableException when the log cannot be read to its end
     */
    Replayed replay(Consumer<List<IntegrationEvent>> batches);

    /** What a replay read: events per topic, and the records it could not decode. */
    record Replayed(Map<String, Long> eventsByTopic, long skipped) {

        public Replayed {
            eventsByTopic = Collections.unmodifiableSortedMap(new TreeMap<>(eventsByTopic));
        }

        public long events() {
            return eventsByTopic.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
