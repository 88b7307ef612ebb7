package dev.eventshop.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsumerFetchesTest {

    private static final String PROMETHEUS = """
            # TYPE kafka_consumer_fetch_manager_fetch_total counter
            kafka_consumer_fetch_manager_fetch_total{client_id="consumer-1"} 12.0
            kafka_consumer_fetch_manager_fetch_total{client_id="consumer-4"} 82.0
            kafka_consumer_fetch_manager_records_consumed_total{client_id="consumer-1"} 0.0
            kafka_consumer_fetch_manager_records_consumed_total{client_id="consumer-4"} 76.0
            kafka_consumer_fetch_manager_records_consumed_total{client_id="consumer-4",topic="order-events"} 50.0
            kafka_consumer_fetch_manager_records_consumed_total{client_id="consumer-4",topic="payment-events"} 26.0
            kafka_consumer_fetch_manager_fetch_latency_avg{client_id="consumer-4"} 3.5
            """;

    @Test
    void reads_each_consumers_records_and_fetches_counting_its_records_once() {
        assertThat(ConsumerFetches.parse("inventory-service", PROMETHEUS)).isEqualTo(Map.of(
                "inventory-service/consumer-1", new ConsumerFetches.Consumer(0, 12),
                "inventory-service/consumer-4", new ConsumerFetches.Consumer(76, 82)));
    }

    @Test
    void adds_up_a_consumers_records_per_topic_where_the_registry_kept_only_those() {
        String perTopicOnly = PROMETHEUS.lines().filter(line -> !line.startsWith(
                "kafka_consumer_fetch_manager_records_consumed_total") || line.contains("topic="))
                .reduce("", (text, line) -> text + line + "\n");

        assertThat(ConsumerFetches.parse("inventory-service", perTopicOnly))
                .containsEntry("inventory-service/consumer-4", new ConsumerFetches.Consumer(76, 82));
    }

    @Test
    void counts_records_per_fetch_over_the_consumers_that_received_any_in_the_window() {
        ConsumerFetches.Reading before = new ConsumerFetches.Reading(Map.of(
                "order-service/main", new ConsumerFetches.Consumer(100, 120),
                "order-service/retry", new ConsumerFetches.Consumer(0, 40)));
        ConsumerFetches.Reading after = new ConsumerFetches.Reading(Map.of(
                "order-service/main", new ConsumerFetches.Consumer(400, 320),
                "order-service/retry", new ConsumerFetches.Consumer(0, 100),
                "email-service/main", new ConsumerFetches.Consumer(50, 50)));

        ConsumerFetches.Reading window = after.minus(before);

        assertThat(window.records()).as("only consumers read both times").isEqualTo(300);
        assertThat(window.recordsPerFetch()).isEqualTo(1.5);
    }

    @Test
    void has_no_records_per_fetch_where_nothing_was_received() {
        ConsumerFetches.Reading idle = new ConsumerFetches.Reading(Map.of(
                "order-service/retry", new ConsumerFetches.Consumer(0, 60)));

        assertThat(idle.recordsPerFetch()).isNaN();
    }
}
