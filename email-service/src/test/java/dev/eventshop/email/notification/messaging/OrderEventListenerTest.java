package dev.eventshop.email.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.email.notification.domain.CancellationReason;
import dev.eventshop.email.notification.domain.OrderLine;
import dev.eventshop.email.notification.domain.OrderOutcome;
import dev.eventshop.events.CustomerId;
import dev.eventshop.events.EventCatalog;
import dev.eventshop.events.EventJson;
import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.Sku;
import dev.eventshop.events.Topics;
import dev.eventshop.events.order.OrderCancelled;
import dev.eventshop.events.order.OrderConfirmed;
import dev.eventshop.events.order.OrderPlaced;
import dev.eventshop.messaging.inbox.IncomingEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrderEventListenerTest {

    private static final OrderId ORDER = OrderId.newId();
    private static final CustomerId ALICE = new CustomerId("alice");
    private static final Money TOTAL = Money.of("178.00", "EUR");
    private static final List<dev.eventshop.events.order.OrderLine> LINES =
            List.of(new dev.eventshop.events.order.OrderLine(new Sku("KB-001"), 2, Money.of("89.00", "EUR")));

    @Test
    void listens_to_the_order_topic_of_the_contract() {
        assertThat(OrderEventListener.ORDER_EVENTS).isEqualTo(Topics.ORDER_EVENTS.name());
    }

    @Test
    void a_confirmed_order_calls_for_a_confirmation_with_its_lines_and_total() {
        var outcome = OrderEventListener.outcomeOf(incoming(new OrderConfirmed(ORDER, ALICE, LINES, TOTAL,
                Instant.now())));

        assertThat(outcome).contains(new OrderOutcome.Confirmed(ORDER, ALICE,
                List.of(new OrderLine(new Sku("KB-001"), 2, Money.of("89.00", "EUR"))), TOTAL));
    }

    @ParameterizedTest
    @EnumSource(dev.eventshop.events.order.CancellationReason.class)
    void a_cancelled_order_calls_for_a_cancellation_with_its_reason(dev.eventshop.events.order.CancellationReason reason) {
        var outcome = OrderEventListener.outcomeOf(incoming(new OrderCancelled(ORDER, ALICE, LINES, TOTAL, reason,
                Instant.now())));

        assertThat(outcome).hasValueSatisfying(cancelled -> assertThat(((OrderOutcome.Cancelled) cancelled).reason())
                .isEqualTo(CancellationReason.valueOf(reason.name())));
    }

    @Test
    void a_placed_order_calls_for_no_email() {
        assertThat(OrderEventListener.outcomeOf(incoming(new OrderPlaced(ORDER, ALICE, LINES, TOTAL, Instant.now()))))
                .isEmpty();
    }

    private static IncomingEvent<?> incoming(IntegrationEvent event) {
        return new IncomingEvent<>(UUID.randomUUID(), EventCatalog.of(event), "/order-service", event.aggregateId(),
                Instant.now(), event, EventJson.write(event));
    }
}
