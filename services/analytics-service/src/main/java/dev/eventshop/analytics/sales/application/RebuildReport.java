package dev.eventshop.analytics.sales.application;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a rebuild did.
 *
 * @param previousGeneration the generation that served until the switch, now retired
 * @param generation the rebuilt generation, now current
 * @param eventsByTopic events replayed from each topic, up to the ends captured when the replay began
 * @param skipped records that were not events of a known type
 * @param orders orders the new generation knows, just after the switch
 * @param products products it knows the name of
 * @param purgedRows rows of retired and abandoned generations deleted after the switch
 */
public record RebuildReport(long previousGeneration, long generation, Map<String, Long> eventsByTopic, long skipped,
        long orders, long products, long purgedRows, Duration took) {

    public RebuildReport {
        eventsByTopic = Collections.unmodifiableSortedMap(new TreeMap<>(eventsByTopic));
    }

    public long events() {
        return eventsByTopic.values().stream().mapToLong(Long::longValue).sum();
    }
}
