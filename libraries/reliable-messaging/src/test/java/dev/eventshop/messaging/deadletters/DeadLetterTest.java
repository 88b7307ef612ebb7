package dev.eventshop.messaging.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    private static final DeadLetterId ID = new DeadLetterId("order-events.email-service.dlt", 0, 7);
    private static final Instant DEAD_LETTERED = Instant.parse("2026-11-30T10:15:00Z");

    @Test
    void the_failure_is_the_innermost_cause_the_stack_trace_names_not_spring_kafkas_wrapper() {
        String stackTrace = """
                org.springframework.kafka.support.serializer.DeserializationException: failed to deserialize
                \tat org.springframework.kafka.support.serializer.ErrorHandlingDeserializer.deserialize(X.java:1)
                Caused by: dev.eventshop.events.MalformedEventException: unknown ce_type 'teleported'
                \tat dev.eventshop.messaging.EventRecords.fromConsumerRecord(EventRecords.java:73)
                """;

        DeadLetter letter = DeadLetter.of(record(
                header("kafka_exception-fqcn", "org.springframework.kafka.listener.ListenerExecutionFailedException"),
                header("kafka_exception-cause-fqcn",
                        "org.springframework.kafka.support.serializer.DeserializationException"),
                header("kafka_exception-message", "failed to deserialize"),
                header("kafka_exception-stacktrace", stackTrace)), "order-events", null);

        assertThat(letter.failure()).isEqualTo(new DeadLetter.Failure("dev.eventshop.events.MalformedEventException",
                "unknown ce_type 'teleported'"));
    }

    @Test
    void attempts_count_the_failed_deliveries_and_the_first_failure_comes_from_the_librarys_stamp() {
        DeadLetter letter = DeadLetter.of(record(
                new StoredRecord.Header("retry_topic-attempts", ByteBuffer.allocate(4).putInt(4).array()),
                header("eventshop_first-failed-at", "2026-11-30T10:14:53Z"),
                header("kafka_original-topic", "order-events"),
                new StoredRecord.Header("kafka_original-offset", ByteBuffer.allocate(8).putLong(41).array())),
                "order-events", null);

        assertThat(letter.attempts()).isEqualTo(3);
        assertThat(letter.firstFailedAt()).isEqualTo(Instant.parse("2026-11-30T10:14:53Z"));
        assertThat(letter.deadLetteredAt()).isEqualTo(DEAD_LETTERED);
        assertThat(letter.offset()).isEqualTo(41);
    }

    @Test
    void a_redrive_leaves_out_the_failure_and_the_retry_state_but_keeps_the_event_and_its_trace() {
        assertThat(List.of("kafka_exception-fqcn", "kafka_exception-stacktrace", "retry_topic-attempts",
                "retry_topic-backoff-timestamp", "retry_topic-original-timestamp", "eventshop_first-failed-at"))
                .allMatch(DeadLetter.Headers::droppedOnRedrive);
        assertThat(List.of("ce_id", "ce_type", "traceparent", "kafka_original-topic", "kafka_original-offset"))
                .noneMatch(DeadLetter.Headers::droppedOnRedrive);
    }

    private static StoredRecord record(StoredRecord.Header... headers) {
        return new StoredRecord(ID, null, null, DEAD_LETTERED, List.of(headers));
    }

    private static StoredRecord.Header header(String name, String value) {
        return new StoredRecord.Header(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
