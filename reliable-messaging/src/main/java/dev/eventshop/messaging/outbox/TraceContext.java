package dev.eventshop.messaging.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Carries a trace across the outbox: captures the current span as a W3C {@code traceparent} on append, and on publish
 * starts a producer span whose parent is the captured one. Without a tracer both are no-ops.
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
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get("traceparent");
    }

    /**
     * Runs {@code work} inside a producer span that continues {@code traceparent}; {@code work} receives the
     * {@code traceparent} of that span, to send with the record so that consumers continue the same trace.
     */
    public <T> T inProducerSpan(String name, @Nullable String traceparent, Function<@Nullable String, T> work) {
        if (tracer == null || propagator == null) {
            return work.apply(traceparent);
        }
        Map<String, String> incoming = traceparent == null ? Map.of() : Map.of("traceparent", traceparent);
        Span span = propagator.extract(incoming, (carrier, key) -> carrier.get(key))
                .name(name)
                .kind(Span.Kind.PRODUCER)
                .start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            Map<String, String> outgoing = new HashMap<>();
            propagator.inject(span.context(), outgoing, Map::put);
            return work.apply(outgoing.getOrDefault("traceparent", traceparent));
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
