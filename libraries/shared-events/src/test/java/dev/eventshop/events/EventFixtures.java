package dev.eventshop.events;

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
import java.time.Instant;
import java.util.List;

/**
 * One realistic sample of every registered event type, drawn from the seed data and the three stories of the system
 * contract: alice's keyboard is confirmed, bob's monitor is declined, carol's laptop stand is out of stock; and one
 * from the saga's deadline: dave's order timed out and the payment that went through late was refunded.
 */
public final class EventFixtures {

    public static final OrderId ALICES_ORDER = OrderId.parse("0b5c4f0e-8d7a-4c1e-9f3b-2a6d8e1c7b40");
    public static final OrderId BOBS_ORDER = OrderId.parse("5e2a9c71-3b4d-4f86-a0c2-9d17e6b3f852");
    public static final OrderId CAROLS_ORDER = OrderId.parse("c3d8e2f1-6a5b-4e97-b8c0-1f4a7d2e9b63");
    public static final OrderId DAVES_ORDER = OrderId.parse("7f1e3a9d-2c4b-4d8e-b6a5-0e9c8d7b6a51");

    public static final CustomerId ALICE = new CustomerId("alice");
    public static final CustomerId BOB = new CustomerId("bob");
    public static final CustomerId CAROL = new CustomerId("carol");
    public static final CustomerId DAVE = new CustomerId("dave");

    public static final Sku KEYBOARD = new Sku("KB-001");
    public static final Sku MONITOR = new Sku("MN-003");
    public static final Sku LAPTOP_STAND = new Sku("LS-006");

    private static final Instant PLACED = Instant.parse("2026-11-22T10:00:00Z");

    private static final List<OrderLine> ALICES_LINES = List.of(new OrderLine(KEYBOARD, 2, Money.of("89.00", "EUR")));
    private static final List<OrderLine> BOBS_LINES = List.of(new OrderLine(MONITOR, 1, Money.of("249.00", "EUR")));

    private static final List<IntegrationEvent> SAMPLES = List.of(
            new OrderPlaced(ALICES_ORDER, ALICE, ALICES_LINES, Money.of("178.00", "EUR"), PLACED),
            // Sub-second times too: the wire keeps every digit of an Instant.
            new OrderConfirmed(ALICES_ORDER, ALICE, ALICES_LINES, Money.of("178.00", "EUR"),
                    Instant.parse("2026-11-22T10:00:01.250Z")),
            new OrderCancelled(BOBS_ORDER, BOB, BOBS_LINES, Money.of("249.00", "EUR"),
                    CancellationReason.PAYMENT_DECLINED, Instant.parse("2026-11-22T10:05:02.481Z")),
            new StockReserved(ALICES_ORDER, ALICE, List.of(new StockLine(KEYBOARD, 2)), Money.of("178.00", "EUR"),
                    Instant.parse("2026-11-22T10:00:00.412Z")),
            new StockReservationFailed(CAROLS_ORDER, List.of(new Shortage(LAPTOP_STAND, 1, 0)),
                    Instant.parse("2026-11-22T10:10:00.377Z")),
            new StockReleased(BOBS_ORDER, List.of(new StockLine(MONITOR, 1)),
                    Instant.parse("2026-11-22T10:05:02.903Z")),
            new ProductUpdated(KEYBOARD, "Mechanical keyboard", Money.of("89.00", "EUR"), 98, 2,
                    Instant.parse("2026-11-22T10:00:00.412Z")),
            new PaymentCompleted(ALICES_ORDER, ALICE, Money.of("178.00", "EUR"),
                    Instant.parse("2026-11-22T10:00:00.845Z")),
            new PaymentFailed(BOBS_ORDER, BOB, Money.of("249.00", "EUR"), PaymentFailureReason.INSUFFICIENT_FUNDS,
                    Instant.parse("2026-11-22T10:05:01.967Z")),
            new PaymentRefunded(DAVES_ORDER, DAVE, Money.of("89.00", "EUR"),
                    Instant.parse("2026-11-22T10:12:07.305Z")),
            new EmailSent(ALICES_ORDER, EmailKind.ORDER_CONFIRMED, "alice@example.com",
                    "Your order 0b5c4f0e is confirmed", Instant.parse("2026-11-22T10:00:02.118Z")));

    private EventFixtures() {
    }

    /** Every sample, one per registered type. */
    public static List<IntegrationEvent> all() {
        return SAMPLES;
    }

    /** The sample of a type; fails loudly so that a new type without a sample cannot go unnoticed. */
    public static IntegrationEvent sampleOf(EventType type) {
        return SAMPLES.stream()
                .filter(sample -> sample.getClass().equals(type.javaType()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("EventFixtures has no sample of " + type.name()));
    }
}
