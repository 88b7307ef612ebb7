package dev.eventshop.stack;

import dev.eventshop.events.Topic;
import java.util.Objects;

/** A topic to create on a {@link KafkaBroker}: its name, partition count and whether it is compacted. */
public record TopicSpec(String name, int partitions, boolean compacted) {

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
    }

    /** The spec of one of the system's topics. */
    public static TopicSpec of(Topic topic) {
        return new TopicSpec(topic.name(), topic.partitions(), topic.compacted());
    }
}
