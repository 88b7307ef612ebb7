package dev.eventshop.testsupport;

import dev.eventshop.events.IntegrationEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

/**
 * Publishes events on the real topics as the services that own them would, so that a test can stand in for services
 * that are not running. Every publication waits until the broker has the record.
 *
 * <p>This module sits below {@code reliable-messaging}, whose own tests use it, so the caller hands over how an event
 * becomes a record: {@code EventRecords::toProducerRecord}, the one the outbox relay sends with.
 */
public final class EventInjector implements AutoCloseable {

    private static final long ACKNOWLEDGEMENT_SECONDS = 30;

    private final KafkaProducer<String, byte[]> producer;
    private final Encoding encoding;

    public EventInjector(String bootstrapServers, Encoding encoding) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        this.encoding = encoding;
    }

    /** Publishes an event with a fresh id. */
    public Published publish(IntegrationEvent event) {
        return publish(event, UUID.randomUUID());
    }

    /** Publishes an event with a given id: the same id again is a redelivery. */
    public Published publish(IntegrationEvent event, UUID eventId) {
        return publish(event, eventId, Instant.now());
    }

    /** Publishes an event with a given id and CloudEvents {@code time}. */
    public Published publish(IntegrationEvent event, UUID eventId, Instant time) {
        return publish(event, eventId, time, null);
    }

    /** Publishes an event with a given id and time, and as part of the trace a {@code traceparent} names, if given. */
    public Published publish(IntegrationEvent event, UUID eventId, Instant time, @Nullable String traceparent) {
        return send(event, eventId, encoding.toProducerRecord(event, eventId, time, traceparent)).acknowledged();
    }

    /** Sends every event, each with a fresh id, before waiting for any: they reach the consumers together. */
    public List<Published> publishAll(List<? extends IntegrationEvent> events) {
        List<Sent> sent = new ArrayList<>();
        events.forEach(event -> sent.add(send(event, UUID.randomUUID())));
        return acknowledged(sent);
    }

    /** Delivers published events once more, each with its id, as a relay that sent them and died before it knew. */
    public List<Published> redeliver(List<Published> published) {
        List<Sent> sent = new ArrayList<>();
        published.forEach(each -> sent.add(send(each.event(), each.eventId())));
        return acknowledged(sent);
    }

    /** Publishes an event with a fresh id on a topic other than its own, such as a consumer's retry topic. */
    public Published publishOn(String topic, IntegrationEvent event) {
        UUID eventId = UUID.randomUUID();
        ProducerRecord<String, byte[]> own = encoding.toProducerRecord(event, eventId, Instant.now(), null);
        return send(event, eventId, new ProducerRecord<>(topic, null, own.key(), own.value(), own.headers()))
                .acknowledged();
    }

    /** Publishes a record exactly as given, such as a malformed one no service would send; waits for the broker. */
    public RecordMetadata publishRaw(ProducerRecord<String, byte[]> record) {
        try {
            return producer.send(record).get(ACKNOWLEDGEMENT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish " + record, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    private Sent send(IntegrationEvent event, UUID eventId) {
        return send(event, eventId, encoding.toProducerRecord(event, eventId, Instant.now(), null));
    }

    private Sent send(IntegrationEvent event, UUID eventId, ProducerRecord<String, byte[]> record) {
        return new Sent(event, eventId, record.value(), producer.send(record));
    }

    private List<Published> acknowledged(List<Sent> sent) {
        producer.flush();
        return sent.stream().map(Sent::acknowledged).toList();
    }

    /** How an event becomes the record its service sends. */
    @FunctionalInterface
    public interface Encoding {

        ProducerRecord<String, byte[]> toProducerRecord(IntegrationEvent event, UUID eventId, Instant time,
                @Nullable String traceparent);
    }

    /**
     * An event on the broker.
     *
     * @param eventId its {@code ce_id}
     * @param metadata where it landed
     * @param value the record's value, the event's JSON
     */
    public record Published(IntegrationEvent event, UUID eventId, RecordMetadata metadata, byte[] value) {
    }

    /** A record handed to the producer, until the broker acknowledges it. */
    private record Sent(IntegrationEvent event, UUID eventId, byte[] value, Future<RecordMetadata> send) {

        Published acknowledged() {
            try {
                return new Published(event, eventId, send.get(ACKNOWLEDGEMENT_SECONDS, TimeUnit.SECONDS), value);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("could not publish " + event, e);
            }
        }
    }
}
