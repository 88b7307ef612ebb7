package dev.eventshop.order.lifecycle.application;

import dev.eventshop.events.order.CancellationReason;
import dev.eventshop.events.order.OrderCancelled;
import dev.eventshop.events.order.OrderConfirmed;
import dev.eventshop.events.order.OrderLine;
import dev.eventshop.events.order.OrderPlaced;
import dev.eventshop.order.lifecycle.domain.Order;
import dev.eventshop.order.lifecycle.domain.OrderEvent;
import java.util.List;

/** Maps the aggregate and its domain events to the integration events other services consume. */
final class IntegrationEvents {

    private IntegrationEvents() {
    }

    static OrderPlaced placed(Order order) {
        return new OrderPlaced(order.id(), order.customerId(), lines(order), order.total(), order.createdAt());
    }

    static OrderConfirmed confirmed(Order order, OrderEvent.Confirmed confirmed) {
        return new OrderConfirmed(order.id(), order.customerId(), lines(order), order.total(),
                confirmed.occurredAt());
    }

    static OrderCancelled cancelled(Order order, OrderEvent.Cancelled cancelled) {
        return new OrderCancelled(order.id(), order.customerId(), lines(order), order.total(),
                CancellationReason.valueOf(cancelled.reason().name()), cancelled.occurredAt());
    }

    private static List<OrderLine> lines(Order order) {
        return order.lines().stream()
                .map(line -> new OrderLine(line.sku(), line.quantity(), line.unitPrice()))
                .toList();
    }
}
