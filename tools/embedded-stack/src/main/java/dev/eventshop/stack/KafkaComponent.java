package dev.eventshop.stack;

import java.util.List;
import java.util.stream.Collectors;

/** The Kafka broker of the local stack, with the system's topics created. */
final class KafkaComponent implements Component {

    private final KafkaBroker broker;
    private final List<TopicSpec> topics;

    KafkaComponent(KafkaBroker broker, List<TopicSpec> topics) {
        this.broker = broker;
        this.topics = List.copyOf(topics);
    }

    @Override
    public String name() {
        return "Kafka";
    }

    @Override
    public List<Integer> ports() {
        return List.of(broker.port());
    }

    @Override
    public void start() {
        broker.start();
        broker.createTopics(topics);
    }

    @Override
    public void stop() {
        broker.stop();
    }

    @Override
    public boolean isRunning() {
        return broker.isRunning();
    }

    @Override
    public List<String> bannerLines() {
        return List.of(
                Banner.row("Kafka", broker.bootstrapServers()),
                Banner.row("", "topics " + topics.stream()
                        .map(topic -> topic.name() + (topic.compacted() ? " (compacted)" : ""))
                        .collect(Collectors.joining(", ")) + "; log " + broker.logFile()));
    }
}
