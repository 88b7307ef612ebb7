package dev.eventshop.order.lifecycle.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.eventshop.events.Money;
import dev.eventshop.order.lifecycle.domain.CancellationReason;
import dev.eventshop.order.lifecycle.domain.Order;
import dev.eventshop.order.lifecycle.domain.OrderStatus;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An order as the API shows it. Amounts are decimal strings ({@code "178.00"}) in the order's {@code currency}.
 *
 * @param cancellationReason present only when the order was cancelled
 */
record OrderResponse(String orderId, String customerId, OrderStatus status, List<OrderItem> items, String total,
        String currency, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable CancellationReason cancellationReason,
        Instant createdAt, Instant updatedAt) {

    /** One line: a product, how many, and its price when the order was placed. */
    record OrderItem(String sku, int quantity, String unitPrice) {
    }

    static OrderResponse of(Order order) {
        return new OrderResponse(order.id().toString(), order.customerId().value(), order.status(),
                order.lines().stream()
                        .map(line -> new OrderItem(line.sku().value(), line.quantity(), amount(line.unitPrice())))
                        .toList(),
                amount(order.total()), order.total().currency(), order.cancellationReason().orElse(null),
                order.createdAt(), order.updatedAt());
    }

    private static String amount(Money money) {
        return money.amount().toPlainString();
    }
}
