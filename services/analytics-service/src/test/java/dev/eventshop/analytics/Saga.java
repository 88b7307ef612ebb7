package dev.eventshop.analytics;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.email.EmailKind;
import dev.eventshop.events.email.EmailSent;
import dev.eventshop.events.inventory.Shortage;
import dev.eventshop.events.inventory.StockLine;
import dev.eventshop.events.inventory.StockReleased;
import dev.eventshop.events.inventory.StockReservationFailed;
import dev.eventshop.events.inventory.StockReserved;
import dev.eventshop.events.order.CancellationReason;
import dev.eventshop.events.order.OrderCancelled;
import dev.eventshop.events.order.OrderConfirmed;
import dev.eventshop.events.order.OrderLine;
import dev.eventshop.events.order.OrderPlaced;
import dev.eventshop.events.payment.PaymentCompleted;
import dev.eventshop.events.payment.PaymentFailed;
import dev.eventshop.events.payment.PaymentFailureReason;
import dev.eventshop.events.payment.PaymentRefunded;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One order and how its saga goes, and the events the services publish for it. Times are the saga's own, which the
 * events carry: a test decides them, so the time to confirm is known exactly, however late the events are published.
 *
 * @param decidedAfter from placement to the confirmation or cancellation
 */
public record Saga(OrderId orderId, CustomerId customerId, List<OrderLine> lines, Outcome outcome, Instant placedAt,
        Duration decidedAfter) {

    /**
     * How the saga ends; a pending one has its stock reserved and waits for the payment; a timed-out one was
     * cancelled at the saga's deadline, and its payment, which completed after that, refunded.
     */
    public enum Outcome {
        CONFIRMED,
        PAYMENT_DECLINED,
        OUT_OF_STOCK,
        TIMED_OUT,
        PENDING
    }

    public Money total() {
        return lines.stream().map(OrderLine::lineTotal).reduce(Money::plus).orElseThrow();
    }

    public Instant decidedAt() {
        return placedAt.plus(decidedAfter);
    }

    /** The events of the saga, in the order the services publish them. */
    public List<IntegrationEvent> events() {
        Instant decided = decidedAt();
        Instant reserved = placedAt.plus(decidedAfter.dividedBy(3));
        Instant paid = placedAt.plus(decidedAfter.dividedBy(3).multipliedBy(2));
        String email = customerId.value() + "@example.com";
        List<StockLine> stock = lines.stream().map(line -> new StockLine(line.sku(), line.quantity())).toList();
        OrderPlaced placed = new OrderPlaced(orderId, customerId, lines, total(), placedAt);
        return switch (outcome) {
            case CONFIRMED -> List.of(placed,
                    new StockReserved(orderId, customerId, stock, total(), reserved),
                    new PaymentCompleted(orderId, customerId, total(), paid),
                    new OrderConfirmed(orderId, customerId, lines, total(), decided),
                    new EmailSent(orderId, EmailKind.ORDER_CONFIRMED, email, "Your order is confirmed",
                            decided.plusMillis(150)));
            case PAYMENT_DECLINED -> List.of(placed,
                    new StockReserved(orderId, customerId, stock, total(), reserved),
                    new PaymentFailed(orderId, customerId, total(), PaymentFailureReason.INSUFFICIENT_FUNDS, paid),
                    new OrderCancelled(orderId, customerId, lines, total(), CancellationReason.PAYMENT_DECLINED,
                            decided),
                    new StockReleased(orderId, stock, decided.plusMillis(40)),
                    new EmailSent(orderId, EmailKind.ORDER_CANCELLED, email, "Your order is cancelled",
                            decided.plusMillis(150)));
            case OUT_OF_STOCK -> List.of(placed,
                    new StockReservationFailed(orderId, lines.stream()
                            .map(line -> new Shortage(line.sku(), line.quantity(), 0)).toList(), reserved),
                    new OrderCancelled(orderId, customerId, lines, total(), CancellationReason.OUT_OF_STOCK,
                            decided),
                    new EmailSent(orderId, EmailKind.ORDER_CANCELLED, email, "Your order is cancelled",
                            decided.plusMillis(150)));
            case TIMED_OUT -> List.of(placed,
                    new StockReserved(orderId, customerId, stock, total(), reserved),
                    new OrderCancelled(orderId, customerId, lines, total(), CancellationReason.TIMED_OUT, decided),
                    new StockReleased(orderId, stock, decided.plusMillis(40)),
                    new EmailSent(orderId, EmailKind.ORDER_CANCELLED, email, "Your order is cancelled",
                            decided.plusMillis(150)),
                    new PaymentCompleted(orderId, customerId, total(), decided.plusMillis(500)),
                    new PaymentRefunded(orderId, customerId, total(), decided.plusMillis(700)));
            case PENDING -> List.of(placed, new StockReserved(orderId, customerId, stock, total(), reserved));
        };
    }
}
