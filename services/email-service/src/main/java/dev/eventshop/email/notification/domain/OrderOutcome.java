package dev.eventshop.email.notification.domain;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.order.OrderLine;
import java.util.List;
import java.util.Objects;

/** How an order ended, and what the customer bought: the news an email carries. */
public sealed interface OrderOutcome {

    OrderId orderId();

    CustomerId customerId();

    List<OrderLine> lines();

    Money total();

    /** The email this outcome calls for. */
    EmailKind kind();

    /** The order will ship. */
    record Confirmed(OrderId orderId, CustomerId customerId, List<OrderLine> lines, Money total)
            implements OrderOutcome {

        public Confirmed {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(total, "total");
            lines = List.copyOf(lines);
        }

        @Override
        public EmailKind kind() {
            return EmailKind.ORDER_CONFIRMED;
        }
    }

    /** The order will not ship, for {@code reason}. */
    record Cancelled(OrderId orderId, CustomerId customerId, List<OrderLine> lines, Money total,
            CancellationReason reason) implements OrderOutcome {

        public Cancelled {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(total, "total");
            Objects.requireNonNull(reason, "reason");
            lines = List.copyOf(lines);
        }

        @Override
        public EmailKind kind() {
            return EmailKind.ORDER_CANCELLED;
        }
    }
}
