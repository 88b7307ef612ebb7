package dev.eventshop.messaging.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.EventCatalog;
import dev.eventshop.events.EventJson;
import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.Sku;
import dev.eventshop.events.inventory.ProductUpdated;
import dev.eventshop.events.order.OrderConfirmed;
import dev.eventshop.events.order.OrderLine;
import dev.eventshop.events.order.OrderPlaced;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class EventHandlersTest {

    private static final OrderId ORDER = OrderId.newId();
    private static final List<OrderLine> LINES = List.of(new OrderLine(new Sku("KB-001"), 1, Money.of("89.00", "EUR")));

    private final RecordingConsumer consumer = new RecordingConsumer();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Inbox inbox = new Inbox(consumer, meters);
    private final List<String> handled = new ArrayList<>();

    @Test
    void runs_the_handler_of_the_events_type_once_however_often_the_event_comes() {
        EventHandlers handlers = inbox.handlers()
                .on(OrderPlaced.class, (placed, event) -> handled.add("placed " + placed.orderId()))
                .build();
        IncomingEvent<?> placed = incoming(orderPlaced());

        handlers.handle(placed);
        handlers.handle(placed);

        assertThat(handled).containsExactly("placed " + ORDER);
        assertThat(count(placed, "processed")).isEqualTo(1);
        assertThat(count(placed, "duplicate")).isEqualTo(1);
    }

    @Test
    void skips_an_event_it_has_no_handler_for_without_recording_it_as_processed() {
        EventHandlers handlers = inbox.handlers()
                .on(OrderPlaced.class, (placed, event) -> handled.add("placed"))
                .build();
        IncomingEvent<?> confirmed = incoming(new OrderConfirmed(ORDER, new CustomerId("alice"), LINES,
                Money.of("89.00", "EUR"), Instant.now()));

        handlers.handle(confirmed);

        assertThat(handled).isEmpty();
        assertThat(consumer.processed).isEmpty();
        assertThat(count(confirmed, "ignored")).isEqualTo(1);
    }

    @Test
    void a_handler_for_every_other_event_takes_what_has_no_handler_of_its_own() {
        EventHandlers handlers = inbox.handlers()
                .on(OrderPlaced.class, (placed, event) -> handled.add("placed"))
                .onEveryOtherEvent((payload, event) -> handled.add("other " + event.type().name()))
                .build();

        handlers.handle(incoming(orderPlaced()));
        handlers.handle(incoming(productUpdated()));

        assertThat(handled).containsExactly("placed", "other dev.eventshop.inventory.product-updated.v1");
    }

    @Test
    void names_the_subject_in_the_log_context_after_what_the_topics_key_holds_while_the_handler_runs() {
        List<String> seen = new ArrayList<>();
        EventHandlers handlers = inbox.handlers()
                .on(OrderPlaced.class, (placed, event) -> seen.add("orderId=" + MDC.get("orderId")))
                .on(ProductUpdated.class, (product, event) -> seen.add("sku=" + MDC.get("sku")))
                .build();

        handlers.handle(incoming(orderPlaced()));
        handlers.handle(incoming(productUpdated()));

        assertThat(seen).containsExactly("orderId=" + ORDER, "sku=KB-001");
        assertThat(MDC.get("orderId")).as("cleared afterwards").isNull();
    }

    @Test
    void a_service_may_name_the_log_context_field_itself() {
        List<String> seen = new ArrayList<>();
        EventHandlers handlers = inbox.handlers()
                .on(OrderPlaced.class, (placed, event) -> seen.add(MDC.get("subject")))
                .logContext("subject")
                .build();

        handlers.handle(incoming(orderPlaced()));

        assertThat(seen).containsExactly(ORDER.toString());
    }

    @Test
    void a_listener_without_handlers_or_with_two_for_one_type_is_a_mistake() {
        assertThatThrownBy(() -> inbox.handlers().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> inbox.handlers()
                .on(OrderPlaced.class, (placed, event) -> { })
                .on(OrderPlaced.class, (placed, event) -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private double count(IncomingEvent<?> event, String outcome) {
        var counter = meters.find(EventHandlers.METRIC).tags("type", event.type().name(), "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static OrderPlaced orderPlaced() {
        return new OrderPlaced(ORDER, new CustomerId("alice"), LINES, Money.of("89.00", "EUR"), Instant.now());
    }

    private static ProductUpdated productUpdated() {
        return new ProductUpdated(new Sku("KB-001"), "Keyboard", Money.of("89.00", "EUR"), 10, 0, Instant.now());
    }

    private static IncomingEvent<?> incoming(IntegrationEvent event) {
        return new IncomingEvent<>(UUID.nameUUIDFromBytes(EventJson.write(event)), EventCatalog.of(event), "/test",
                event.aggregateId(), Instant.now(), event, EventJson.write(event));
    }

    /** Runs each event's effect once per id, as the database's unique key makes the real one do. */
    private static final class RecordingConsumer implements IdempotentConsumer {

        final Set<UUID> processed = new HashSet<>();

        @Override
        public boolean handleOnce(IncomingEvent<?> event, Runnable effect) {
            if (!processed.add(event.id())) {
                return false;
            }
            effect.run();
            return true;
        }

        @Override
        public boolean handleOnce(String consumer, IncomingEvent<?> event, Runnable effect) {
            return handleOnce(event, effect);
        }
    }
}
