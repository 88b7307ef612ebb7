package dev.eventshop.messaging;

import static dev.eventshop.testsupport.TopicProbe.header;
import static dev.eventshop.testsupport.TopicProbe.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventshop.events.OrderId;
import dev.eventshop.events.Topics;
import dev.eventshop.messaging.errors.RetryTopics;
import dev.eventshop.testsupport.EventInjector;
import dev.eventshop.testsupport.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.support.KafkaHeaders;

@MessagingTestContext
class RetryAndDeadLetterIT {

    private static final String TOPIC = Topics.ORDER_EVENTS.name();
    private static final String DLT = RetryTopics.deadLetterTopic(TOPIC, "messaging-it");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    ProbeListener listener;
    @Autowired
    MeterRegistry meters;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    EventInjector events;

    @BeforeEach
    void openProducer() {
        events = new EventInjector(bootstrapServers, EventRecords::toProducerRecord);
    }

    @AfterEach
    void closeProducer() {
        events.close();
    }

    @Test
    void a_handler_failing_twice_then_succeeding_is_processed_once_through_the_retry_topics_in_the_same_trace()
            throws Exception {
        OrderId orderId = OrderId.newId();
        listener.failNext(orderId.toString(), 2);
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        events.publish(Samples.orderPlaced(orderId, 1), UUID.randomUUID(), Instant.now(), traceparent);

        double retriesBefore = meters.counter("eventshop.messaging.retries", "topic", TOPIC).count();

        await().atMost(WAIT).until(() -> listener.effects(orderId.toString()) == 1);
        assertThat(listener.deliveries(orderId.toString())).isEqualTo(3);
        assertThat(meters.counter("eventshop.messaging.retries", "topic", TOPIC).count() - retriesBefore)
                .isGreaterThanOrEqualTo(2);
        try (TopicProbe retries = new TopicProbe(bootstrapServers, TOPIC + ".messaging-it.retry-0",
                TOPIC + ".messaging-it.retry-1", DLT)) {
            List<ConsumerRecord<String, byte[]>> forwarded = retries.awaitAtLeast(2, withKey(orderId.toString()), WAIT);
            assertThat(forwarded).extracting(ConsumerRecord::topic)
                    .containsExactlyInAnyOrder(TOPIC + ".messaging-it.retry-0", TOPIC + ".messaging-it.retry-1");
            assertThat(forwarded).as("each retry's consumer span continues the record's trace")
                    .allSatisfy(record -> assertThat(header(record, "traceparent")).isEqualTo(traceparent));
        }
    }

    static Stream<Arguments> poison_records() {
        return Stream.of(
                Arguments.of("not JSON", (UnaryOperator<ProducerRecord<String, byte[]>>) record ->
                        withValue(record, "{not json".getBytes(StandardCharsets.UTF_8))),
                Arguments.of("JSON of the wrong shape", (UnaryOperator<ProducerRecord<String, byte[]>>) record ->
                        withValue(record, "{\"orderId\": 42, \"lines\": \"none\"}".getBytes(StandardCharsets.UTF_8))),
                Arguments.of("an unknown ce_type", (UnaryOperator<ProducerRecord<String, byte[]>>) record -> {
                    record.headers().remove("ce_type");
                    record.headers().add("ce_type", "dev.eventshop.order.teleported.v1".getBytes(StandardCharsets.UTF_8));
                    return record;
                }),
                Arguments.of("a null value", (UnaryOperator<ProducerRecord<String, byte[]>>) record ->
                        withValue(record, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poison_records")
    void a_poison_record_goes_to_the_dead_letter_topic_with_its_original_bytes_and_the_next_record_is_processed(
            String kind, UnaryOperator<ProducerRecord<String, byte[]>> poison) throws Exception {
        OrderId orderId = OrderId.newId();
        ProducerRecord<String, byte[]> poisoned = poison.apply(valid(orderId));

        double deadLettersBefore = meters.counter("eventshop.messaging.dead.letters", "topic", TOPIC).count();
        events.publishRaw(poisoned);
        events.publish(Samples.orderPlaced(orderId, 1));

        await().atMost(WAIT).until(() -> listener.effects(orderId.toString()) == 1);
        await().atMost(WAIT).until(() ->
                meters.counter("eventshop.messaging.dead.letters", "topic", TOPIC).count() > deadLettersBefore);
        try (TopicProbe deadLetters = new TopicProbe(bootstrapServers, DLT)) {
            ConsumerRecord<String, byte[]> dead = deadLetters.awaitAtLeast(1, withKey(orderId.toString()), WAIT)
                    .getFirst();
            assertThat(dead.value()).isEqualTo(poisoned.value());
            assertThat(header(dead, "ce_id")).isEqualTo(producedHeader(poisoned, "ce_id"));
            assertThat(header(dead, KafkaHeaders.ORIGINAL_TOPIC)).isEqualTo(TOPIC);
            assertThat(header(dead, KafkaHeaders.EXCEPTION_MESSAGE)).as("the reason").isNotBlank();
            assertThat(deadLetters.matching(withKey(orderId.toString()))).hasSize(1);
        }
    }

    private static ProducerRecord<String, byte[]> valid(OrderId orderId) {
        return EventRecords.toProducerRecord(Samples.orderPlaced(orderId, 1), UUID.randomUUID(), Instant.now(), null);
    }

    private static ProducerRecord<String, byte[]> withValue(ProducerRecord<String, byte[]> record, byte[] value) {
        return new ProducerRecord<>(record.topic(), null, record.key(), value, record.headers());
    }

    private static String producedHeader(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
