package dev.eventshop.messaging.outbox;

import dev.eventshop.messaging.MessagingSpans;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Carries a trace across the outbox: captures the current span as a W3C {@code traceparent} on append, and on publish
 * starts a producer span whose parent is the captured one. Without a tracer both are no-ops that pass the captured
 * {@code traceparent} through unchanged.
 *
 * <p>Producer spans follow OpenTelemetry's messaging conventions: named {@code send <topic>}, with the system, the
 * destination, the operation, the message id and type (the event's {@code ce_id} and {@code ce_type}), the key, and
 * once the broker has answered, the partition and offset.
 */
public final class TraceContext {

    private final @Nullable Tracer tracer;
    private final @Nullable Propagator propagator;

    public TraceContext(@Nullable Tracer tracer, @Nullable Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The {@code traceparent} of the current span, or null when there is none. */
    public @Nullable String currentTraceparent() {
        if (tracer == null || propagator == null) {
            return null;
        }
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, TraceContext::put);
        return carrier.get("traceparent");
    }

    /**
     * Starts the producer span of one outbox row, continuing {@code traceparent} (a new trace when it is null); end
     * it when the broker has answered.
     */
    public ProducerSpan startProducerSpan(String topic, String key, String eventId, String eventType,
            @Nullable String traceparent) {
        if (tracer == null || propagator == null) {
            return new ProducerSpan(null, null, traceparent);
        }
        Map<String, String> incoming = traceparent == null ? Map.of() : Map.of("traceparent", traceparent);
        Span.Builder builder = propagator.extract(incoming, (carrier, name) -> carrier.get(name))
                .name(MessagingSpans.SEND + " " + topic)
                .kind(Span.Kind.PRODUCER)
                .remoteServiceName(MessagingSpans.SYSTEM);
        MessagingSpans.sendAttributes(topic, key, eventId, eventType).forEach(builder::tag);
        Span span = builder.start();
        Map<String, String> outgoing = new HashMap<>();
        propagator.inject(span.context(), outgoing, TraceContext::put);
        return new ProducerSpan(tracer, span, outgoing.getOrDefault("traceparent", traceparent));
    }

    /** The propagator's setter: it writes into the map it was given, never into none. */
    private static void put(@Nullable Map<String, String> carrier, String key, String value) {
        if (carrier != null) {
            carrier.put(key, value);
        }
    }

    /** A started producer span and the {@code traceparent} to send with the record so consumers continue it. */
    public static final class ProducerSpan {

        private final @Nullable Tracer tracer;
        private final @Nullable Span span;
        private final @Nullable String traceparent;

        private ProducerSpan(@Nullable Tracer tracer, @Nullable Span span, @Nullable String traceparent) {
            this.tracer = tracer;
            this.span = span;
            this.traceparent = traceparent;
        }

        public @Nullable String traceparent() {
            return traceparent;
        }

        /** Runs {@code work} with this span current, so log lines carry its trace id. */
        public void inScope(Runnable work) {
            if (tracer == null || span == null) {
                work.run();
                return;
            }
            try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
                work.run();
            }
        }

        /** Where the broker put the record. */
        public void acknowledged(int partition, long offset) {
            if (span != null) {
                span.tag(MessagingSpans.PARTITION, Integer.toString(partition));
                span.tag(MessagingSpans.OFFSET, Long.toString(offset));
            }
        }

        public void end(@Nullable Throwable failure) {
            if (span != null) {
                if (failure != null) {
                    span.error(failure);
                }
                span.end();
            }
        }
    }
}
