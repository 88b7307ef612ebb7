package dev.eventshop.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/** A service's Kafka listener containers, as its integration tests look them up. */
public final class ListenerContainers {

    /** The fetch settings of a listener that names the messaging library's {@code BatchedFetches}: 64 KiB or 1 s. */
    public static final Map<String, String> BATCHED_FETCHES = Map.of(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "65536",
            ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "1000");

    private final KafkaListenerEndpointRegistry registry;

    public ListenerContainers(KafkaListenerEndpointRegistry registry) {
        this.registry = registry;
    }

    /**
     * The containers of the listeners of that topic: for each listener, its main container, one per retry topic and
     * one for its dead-letter topic (which does not run).
     */
    public List<MessageListenerContainer> reading(String topic) {
        return registry.getListenerContainers().stream()
                .filter(container -> topics(container).anyMatch(name -> name.equals(topic) || name.startsWith(topic + ".")))
                .toList();
    }

    /** Every container reading that topic (its retry topics' too) has the messaging library's batched fetches. */
    public void assertFetchedInBatches(String topic) {
        assertFetchSettings(topic, BATCHED_FETCHES);
    }

    /** Every container reading that topic (its retry topics' too) has the consumer factory's fetch settings. */
    public void assertFetchedAtOnce(String topic) {
        assertFetchSettings(topic, Map.of());
    }

    private void assertFetchSettings(String topic, Map<String, String> expected) {
        assertThat(reading(topic)).as("the listener containers reading " + topic)
                .anyMatch(ListenerContainers::isRetryTopics)
                .allSatisfy(container -> assertThat(fetchSettings(container)).as(container.getListenerId())
                        .isEqualTo(expected));
    }

    /** Whether this is the container of one of a listener's retry topics. */
    public static boolean isRetryTopics(MessageListenerContainer container) {
        return topics(container).anyMatch(name -> name.contains(".retry-"));
    }

    private static Stream<String> topics(MessageListenerContainer container) {
        String[] topics = container.getContainerProperties().getTopics();
        return topics == null ? Stream.empty() : Arrays.stream(topics);
    }

    /**
     * The fetch settings ({@code fetch.min.bytes}, {@code fetch.max.wait.ms}) the listener gave its own consumers;
     * empty when they take the consumer factory's.
     */
    public static Map<String, String> fetchSettings(MessageListenerContainer container) {
        Properties properties = container.getContainerProperties().getKafkaConsumerProperties();
        Map<String, String> settings = new TreeMap<>();
        for (String name : List.of(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG)) {
            if (properties.getProperty(name) != null) {
                settings.put(name, properties.getProperty(name));
            }
        }
        return settings;
    }
}
