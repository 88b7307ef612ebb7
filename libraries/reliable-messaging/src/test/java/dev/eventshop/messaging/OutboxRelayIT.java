package dev.eventshop.messaging;

import static dev.eventshop.testsupport.TopicProbe.header;
import static dev.eventshop.testsupport.TopicProbe.withKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.Topics;
import dev.eventshop.events.order.OrderPlaced;
import dev.eventshop.testsupport.TopicProbe;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

class OutboxRelayIT extends OutboxIntegrationTest {

    private static final Duration TWO_SECONDS = Duration.ofSeconds(2);

    @Autowired
    Tracer tracer;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    TopicProbe orderEvents;

    @BeforeEach
    void openProbe() {
        orderEvents = new TopicProbe(bootstrapServers, Topics.ORDER_EVENTS.name());
    }

    @AfterEach
    void closeProbe() {
        orderEvents.close();
    }

    @Test
    void an_append_whose_transaction_rolls_back_leaves_no_row_and_publishes_nothing() {
        OrderId orderId = OrderId.newId();
        transaction.executeWithoutResult(status -> {
            outbox.publish(Samples.orderPlaced(orderId, 1));
            status.setRollbackOnly();
        });
        // Same key, so same partition: once this one arrived, the rolled-back one would have arrived before it.
        transaction.executeWithoutResult(status -> outbox.publish(Samples.orderPlaced(orderId, 2)));

        List<ConsumerRecord<String, byte[]>> records = orderEvents.awaitAtLeast(1, withKey(orderId.toString()),
                Duration.ofSeconds(10));

        assertThat(records).hasSize(1);
        assertThat(Samples.sequenceOf(records.getFirst().value())).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_event WHERE record_key = ?", Integer.class,
                orderId.toString())).isEqualTo(1);
    }

    @Test
    void a_committed_append_is_published_once_with_key_cloudevents_headers_traceparent_and_a_valid_value()
            throws Exception {
        OrderPlaced event = Samples.orderPlaced();
        Span span = tracer.nextSpan().name("place order").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            transaction.executeWithoutResult(status -> outbox.publish(event));
        } finally {
            span.end();
        }

        ConsumerRecord<String, byte[]> record = orderEvents
                .awaitAtLeast(1, withKey(event.orderId().toString()), Duration.ofSeconds(10)).getFirst();
        orderEvents.drain(Duration.ofMillis(500));

        assertThat(orderEvents.matching(withKey(event.orderId().toString()))).hasSize(1);
        assertThat(record.key()).isEqualTo(event.orderId().toString());
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).matches("[0-9a-f-]{36}");
        assertThat(header(record, "ce_type")).isEqualTo("dev.eventshop.order.placed.v1");
        assertThat(header(record, "ce_source")).isEqualTo("/order-service");
        assertThat(header(record, "ce_subject")).isEqualTo(event.orderId().toString());
        assertThat(header(record, "ce_time")).isNotBlank();
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        String traceparent = header(record, "traceparent");
        assertThat(traceparent).as("the trace of the appending span continues in the record")
                .startsWith("00-" + span.context().traceId() + "-")
                .doesNotContain(span.context().spanId());
        assertThat(schemaOf("dev.eventshop.order.placed.v1")
                .validate(new ObjectMapper().readTree(record.value()))).isEmpty();
    }

    @Test
    void the_relay_is_woken_by_the_commit_not_by_its_ten_second_poll() {
        List<Long> latenciesMillis = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            OrderPlaced event = Samples.orderPlaced();
            long committedAt = System.nanoTime();
            transaction.executeWithoutResult(status -> outbox.publish(event));
            orderEvents.awaitAtLeast(1, withKey(event.orderId().toString()), TWO_SECONDS);
            latenciesMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - committedAt));
        }
        latenciesMillis.sort(null);
        List<Double> appendToAck = new ArrayList<>(jdbc.queryForList(
                "SELECT extract(epoch FROM published_at - created_at) * 1000 FROM outbox_event"
                        + " ORDER BY id DESC LIMIT 20", Double.class));
        appendToAck.sort(null);
        System.out.printf("Over 20 events: append-to-ack median %.1f ms (max %.1f ms); "
                + "commit-to-consumed, probe polling included: median %d ms (max %d ms)%n",
                appendToAck.get(10), appendToAck.getLast(), latenciesMillis.get(10), latenciesMillis.getLast());
        assertThat(latenciesMillis.getLast()).isLessThan(TWO_SECONDS.toMillis());
    }

    @Test
    void a_transaction_that_takes_a_lower_id_but_commits_last_is_still_published() throws Exception {
        OrderPlaced slow = Samples.orderPlaced();
        OrderPlaced fast = Samples.orderPlaced();
        CountDownLatch slowAppended = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        CompletableFuture<Void> slowTransaction = CompletableFuture.runAsync(() ->
                transaction.executeWithoutResult(status -> {
                    outbox.publish(slow);
                    slowAppended.countDown();
                    await(mayCommit);
                }));
        assertThat(slowAppended.await(10, TimeUnit.SECONDS)).isTrue();
        transaction.executeWithoutResult(status -> outbox.publish(fast));

        orderEvents.awaitAtLeast(1, withKey(fast.orderId().toString()), Duration.ofSeconds(10));
        mayCommit.countDown();
        slowTransaction.get(10, TimeUnit.SECONDS);

        orderEvents.awaitAtLeast(1, withKey(slow.orderId().toString()), Duration.ofSeconds(10));
        Long slowId = jdbc.queryForObject("SELECT id FROM outbox_event WHERE record_key = ?", Long.class,
                slow.orderId().toString());
        Long fastId = jdbc.queryForObject("SELECT id FROM outbox_event WHERE record_key = ?", Long.class,
                fast.orderId().toString());
        assertThat(slowId).isLessThan(fastId);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonSchema schemaOf(String type) throws Exception {
        try (InputStream in = OutboxRelayIT.class.getResourceAsStream("/schemas/" + type + ".json")) {
            assertThat(in).as("schema of " + type).isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }
}
