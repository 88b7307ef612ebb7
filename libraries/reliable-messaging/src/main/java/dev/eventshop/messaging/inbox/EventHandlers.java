package dev.eventshop.messaging.inbox;

import dev.eventshop.events.IntegrationEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What a listener does with the events it receives: one handler per event type, each run at most once per event id
 * in the transaction that records the event as processed. A listener names its topics and hands every record here:
 *
 * <pre>{@code
 * handlers = inbox.handlers()
 *         .on(StockReserved.class, (reserved, event) -> payments.charge(...))
 *         .build();
 *
 * @KafkaListener(topics = Topics.Names.INVENTORY_EVENTS)
 * void on(IncomingEvent<?> event) {
 *     handlers.handle(event);
 * }
 * }</pre>
 *
 * <p>Around each handler: the record's subject in the log context, under the name of what the topic's key holds
 * ({@code orderId}, {@code sku}), so every line logged meanwhile names it; a redelivered event is dropped with a log
 * line; an event of a type with no handler is skipped without touching the database; and each outcome is counted
 * ({@code eventshop.inbox.events} by topic, type and outcome). A handler that throws rolls back its effect with the
 * processed-event row, and the record goes to the retry topics, or straight to the dead-letter topic for a
 * {@link dev.eventshop.events.MalformedEventException}.
 */
public final class EventHandlers {

    /** What to do with one type of event; {@code event} gives its id, source, subject and time. */
    @FunctionalInterface
    public interface Handler<T extends IntegrationEvent> {

        void handle(T payload, IncomingEvent<?> event);
    }

    static final String METRIC = "eventshop.inbox.events";
    private static final Logger log = LoggerFactory.getLogger(EventHandlers.class);

    private final IdempotentConsumer consumer;
    private final MeterRegistry meters;
    private final Map<Class<?>, Handler<IntegrationEvent>> handlers;
    private final @Nullable Handler<IntegrationEvent> everyEvent;
    private final @Nullable String logField;

    private EventHandlers(Builder builder) {
        this.consumer = builder.consumer;
        this.meters = builder.meters;
        this.handlers = Map.copyOf(builder.handlers);
        this.everyEvent = builder.everyEvent;
        this.logField = builder.logField;
    }

    static Builder builder(IdempotentConsumer consumer, MeterRegistry meters) {
        return new Builder(consumer, meters);
    }

    /** Handles one received event: once, with its subject in the log context. */
    public void handle(IncomingEvent<?> event) {
        Handler<IntegrationEvent> handler = handlers.getOrDefault(event.payload().getClass(), everyEvent);
        if (handler == null) {
            log.debug("Ignored {}: no handler for it here", event);
            count(event, "ignored");
            return;
        }
        String field = logField != null ? logField : event.type().topic().keyField();
        try (MDC.MDCCloseable ignored = MDC.putCloseable(field, event.subject())) {
            if (consumer.handleOnce(event, () -> handler.handle(event.payload(), event))) {
                count(event, "processed");
            } else {
                log.info("Dropped {}: already processed", event);
                count(event, "duplicate");
            }
        }
    }

    private void count(IncomingEvent<?> event, String outcome) {
        meters.counter(METRIC, "topic", event.type().topic().name(), "type", event.type().name(), "outcome", outcome)
                .increment();
    }

    /** Collects the handlers of one listener. */
    public static final class Builder {

        private final IdempotentConsumer consumer;
        private final MeterRegistry meters;
        private final Map<Class<?>, Handler<IntegrationEvent>> handlers = new LinkedHashMap<>();
        private @Nullable Handler<IntegrationEvent> everyEvent;
        private @Nullable String logField;

        private Builder(IdempotentConsumer consumer, MeterRegistry meters) {
            this.consumer = consumer;
            this.meters = meters;
        }

        /** Handles events of that type. */
        @SuppressWarnings("unchecked")
        public <T extends IntegrationEvent> Builder on(Class<T> type, Handler<? super T> handler) {
            Objects.requireNonNull(handler, "handler");
            if (handlers.putIfAbsent(type, (Handler<IntegrationEvent>) handler) != null) {
                throw new IllegalArgumentException("a second handler for " + type.getSimpleName());
            }
            return this;
        }

        /** Handles every event that has no handler of its own, as a read model of everything does. */
        public Builder onEveryOtherEvent(Handler<IntegrationEvent> handler) {
            this.everyEvent = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * Names the log-context field for the event's subject, instead of the topic's key ({@code orderId} for
         * "order id").
         */
        public Builder logContext(String field) {
            this.logField = Objects.requireNonNull(field, "field");
            return this;
        }

        public EventHandlers build() {
            if (handlers.isEmpty() && everyEvent == null) {
                throw new IllegalStateException("no handlers: a listener must handle at least one type of event");
            }
            return new EventHandlers(this);
        }
    }
}
