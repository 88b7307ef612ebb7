package dev.eventshop.messaging.deadletters.metrics;

import dev.eventshop.messaging.deadletters.DeadLetters;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@value #NAME}, tagged {@code topic} (the source topic) and {@code service}: the dead letters waiting for an
 * operator, that is the records the service's dead-letter topic of that topic holds (its end offset less its start
 * offset, per partition) less those redriven already. A redriven record that fails again is a new dead letter and
 * counts again. Read from Kafka on every {@link #refresh()}, not on every scrape; every series exists from the start,
 * at zero, so an alert on a depth above zero works from the first dead letter.
 */
public class DeadLetterDepth {

    public static final String NAME = "eventshop.messaging.dead.letters.depth";

    private final DeadLetters deadLetters;
    private final Map<String, AtomicLong> depths = new ConcurrentHashMap<>();

    public DeadLetterDepth(DeadLetters deadLetters, MeterRegistry meters, String service,
            Collection<String> sourceTopics) {
        this.deadLetters = deadLetters;
        for (String topic : sourceTopics) {
            AtomicLong depth = depths.computeIfAbsent(topic, key -> new AtomicLong());
            Gauge.builder(NAME, depth, AtomicLong::doubleValue)
                    .description("Dead letters of the topic not yet redriven")
                    .tags("topic", topic, "service", service)
                    .register(meters);
        }
    }

    /** Reads the depths from Kafka and the record of redrives. */
    public Map<String, Long> refresh() {
        Map<String, Long> current = deadLetters.depth();
        depths.forEach((topic, depth) -> depth.set(current.getOrDefault(topic, 0L)));
        return current;
    }
}
