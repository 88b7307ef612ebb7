package dev.eventshop.inventory;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.Sku;
import dev.eventshop.events.order.CancellationReason;
import dev.eventshop.events.order.OrderCancelled;
import dev.eventshop.events.order.OrderConfirmed;
import dev.eventshop.events.order.OrderLine;
import dev.eventshop.events.order.OrderPlaced;
import dev.eventshop.events.payment.PaymentFailed;
import dev.eventshop.events.payment.PaymentFailureReason;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The order saga's events, as the order-service and the payment-service would publish them. */
final class SagaEvents {

    static final String ORDER_PLACED = "dev.eventshop.order.placed.v1";
    static final String STOCK_RESERVED = "dev.eventshop.inventory.stock-reserved.v1";
    static final String STOCK_RESERVATION_FAILED = "dev.eventshop.inventory.stock-reservation-failed.v1";
    static final String STOCK_RELEASED = "dev.eventshop.inventory.stock-released.v1";
    static final String PRODUCT_UPDATED = "dev.eventshop.inventory.product-updated.v1";

    /** The seed catalog's prices, so that orders are priced as the order-service would price them. */
    private static final Map<String, String> PRICES = Map.of("KB-001", "89.00", "MS-002", "29.00", "MN-003", "249.00",
            "HB-004", "39.00", "CB-005", "9.00", "LS-006", "45.00");

    private SagaEvents() {
    }

    /** A line of an order; a product the catalog does not know costs 1.00. */
    static OrderLine line(String sku, int quantity) {
        return new OrderLine(new Sku(sku), quantity, Money.of(PRICES.getOrDefault(sku, "1.00"), "EUR"));
    }

    static OrderPlaced orderPlaced(String customer, OrderLine... lines) {
        return orderPlaced(OrderId.newId(), customer, lines);
    }

    static OrderPlaced orderPlaced(OrderId orderId, String customer, OrderLine... lines) {
        List<OrderLine> all = List.of(lines);
        Money total = all.stream().map(OrderLine::lineTotal).reduce(Money.zero("EUR"), Money::plus);
        return new OrderPlaced(orderId, new CustomerId(customer), all, total, Instant.now());
    }

    static OrderConfirmed orderConfirmed(OrderPlaced placed) {
        return new OrderConfirmed(placed.orderId(), placed.customerId(), placed.lines(), placed.total(),
                Instant.now());
    }

    static OrderCancelled orderCancelled(OrderPlaced placed, CancellationReason reason) {
        return new OrderCancelled(placed.orderId(), placed.customerId(), placed.lines(), placed.total(), reason,
                Instant.now());
    }

    static PaymentFailed paymentFailed(OrderPlaced placed) {
        return new PaymentFailed(placed.orderId(), placed.customerId(), placed.total(),
                PaymentFailureReason.INSUFFICIENT_FUNDS, Instant.now());
    }
}
