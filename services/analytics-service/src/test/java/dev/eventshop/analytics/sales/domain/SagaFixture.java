package dev.eventshop.analytics.sales.domain;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.Sku;
import dev.eventshop.events.email.EmailKind;
import dev.eventshop.events.email.EmailSent;
import dev.eventshop.events.inventory.ProductUpdated;
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
import java.util.ArrayList;
import java.util.List;

/**
 * The events of one order's saga as the services publish them, for the three stories of the system contract: alice's
 * keyboard is confirmed, bob's monitor is declined, and a laptop stand is out of stock; and one of the saga's
 * deadline: alice's keyboard timed out while the payment-service was stopped, and its late payment was refunded.
 */
public final class SagaFixture {

    public static final Sku KEYBOARD = new Sku("KB-001");
    public static final Sku MOUSE = new Sku("MS-002");
    public static final Sku MONITOR = new Sku("MN-003");
    public static final Sku LAPTOP_STAND = new Sku("LS-006");
    public static final Instant PLACED = Instant.parse("2026-11-22T10:00:00Z");

    private static final CustomerId ALICE = new CustomerId("alice");
    private static final CustomerId BOB = new CustomerId("bob");

    private SagaFixture() {
    }

    /** Placed at {@code placedAt}, confirmed {@code after} that: 2 keyboards and a mouse, 207.00 EUR. */
    public static List<IntegrationEvent> confirmed(OrderId order, Instant placedAt, Duration after) {
        List<OrderLine> lines = List.of(line(KEYBOARD, 2, "89.00"), line(MOUSE, 1, "29.00"));
        Money total = Money.of("207.00", "EUR");
        Instant confirmedAt = placedAt.plus(after);
        return List.of(
                new OrderPlaced(order, ALICE, lines, total, placedAt),
                new StockReserved(order, ALICE, stock(lines), total, placedAt.plus(after.dividedBy(4))),
                new PaymentCompleted(order, ALICE, total, placedAt.plus(after.dividedBy(2))),
                new OrderConfirmed(order, ALICE, lines, total, confirmedAt),
                new EmailSent(order, EmailKind.ORDER_CONFIRMED, "alice@example.com", "Confirmed",
                        confirmedAt.plusMillis(200)));
    }

    /** Bob cannot pay for a monitor: declined, the stock given back, bob told. */
    public static List<IntegrationEvent> declined(OrderId order, Instant placedAt) {
        List<OrderLine> lines = List.of(line(MONITOR, 1, "249.00"));
        Money total = Money.of("249.00", "EUR");
        return List.of(
                new OrderPlaced(order, BOB, lines, total, placedAt),
                new StockReserved(order, BOB, stock(lines), total, placedAt.plusMillis(100)),
                new PaymentFailed(order, BOB, total, PaymentFailureReason.INSUFFICIENT_FUNDS,
                        placedAt.plusMillis(200)),
                new OrderCancelled(order, BOB, lines, total, CancellationReason.PAYMENT_DECLINED,
                        placedAt.plusMillis(300)),
                new StockReleased(order, stock(lines), placedAt.plusMillis(400)),
                new EmailSent(order, EmailKind.ORDER_CANCELLED, "bob@example.com", "Cancelled",
                        placedAt.plusMillis(500)));
    }

    /** A laptop stand, of which there are none. */
    public static List<IntegrationEvent> outOfStock(OrderId order, Instant placedAt) {
        List<OrderLine> lines = List.of(line(LAPTOP_STAND, 1, "45.00"));
        Money total = Money.of("45.00", "EUR");
        return List.of(
                new OrderPlaced(order, ALICE, lines, total, placedAt),
                new StockReservationFailed(order, List.of(new Shortage(LAPTOP_STAND, 1, 0)), placedAt.plusMillis(50)),
                new OrderCancelled(order, ALICE, lines, total, CancellationReason.OUT_OF_STOCK,
                        placedAt.plusMillis(80)),
                new EmailSent(order, EmailKind.ORDER_CANCELLED, "alice@example.com", "Cancelled",
                        placedAt.plusMillis(150)));
    }

    /** Cancelled at the deadline, the stock given back, alice told; the payment completed after that, and refunded. */
    public static List<IntegrationEvent> timedOut(OrderId order, Instant placedAt) {
        List<OrderLine> lines = List.of(line(KEYBOARD, 1, "89.00"));
        Money total = Money.of("89.00", "EUR");
        Instant deadline = placedAt.plus(Duration.ofMinutes(2));
        return List.of(
                new OrderPlaced(order, ALICE, lines, total, placedAt),
                new StockReserved(order, ALICE, stock(lines), total, placedAt.plusMillis(100)),
                new OrderCancelled(order, ALICE, lines, total, CancellationReason.TIMED_OUT, deadline),
                new StockReleased(order, stock(lines), deadline.plusMillis(100)),
                new EmailSent(order, EmailKind.ORDER_CANCELLED, "alice@example.com", "Cancelled",
                        deadline.plusMillis(200)),
                new PaymentCompleted(order, ALICE, total, deadline.plusSeconds(30)),
                new PaymentRefunded(order, ALICE, total, deadline.plusSeconds(30).plusMillis(100)));
    }

    public static ProductUpdated product(Sku sku, String name, Instant updatedAt) {
        return new ProductUpdated(sku, name, Money.of("89.00", "EUR"), 100, 0, updatedAt);
    }

    /** Every permutation of the events: each order in which they could arrive. */
    public static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T first = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> permutation = new ArrayList<>();
                permutation.add(first);
                permutation.addAll(tail);
                all.add(permutation);
            }
        }
        return all;
    }

    private static OrderLine line(Sku sku, int quantity, String price) {
        return new OrderLine(sku, quantity, Money.of(price, "EUR"));
    }

    private static List<StockLine> stock(List<OrderLine> lines) {
        return lines.stream().map(line -> new StockLine(line.sku(), line.quantity())).toList();
    }
}
