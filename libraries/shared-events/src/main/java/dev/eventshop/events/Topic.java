package dev.eventshop.events;

import java.util.Objects;

/**
 * A Kafka topic of the system: its name, how many partitions it has, whether it is compacted, and what its key is.
 *
 * @param key what the record key holds, in words (for documentation and the AsyncAPI document)
 */
public record Topic(String name, int partitions, boolean compacted, String key) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1");
        }
    }

    /**
     * The key as a field name, for log lines and span attributes: {@code orderId} for "order id", {@code sku} for
     * "sku".
     */
    public String keyField() {
        String[] words = key.trim().split("\\s+");
        StringBuilder field = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            field.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return field.toString();
    }

    @Override
    public String toString() {
        return name;
    }
}
