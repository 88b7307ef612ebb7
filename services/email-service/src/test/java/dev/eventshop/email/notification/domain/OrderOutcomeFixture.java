package dev.eventshop.email.notification.domain;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.Sku;
import dev.eventshop.events.order.OrderLine;
import java.util.List;

/** Order outcomes for tests: alice's keyboards and mouse, confirmed or cancelled. */
public final class OrderOutcomeFixture {

    public static final OrderId ORDER = OrderId.parse("1a2b3c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d");
    public static final CustomerId ALICE = new CustomerId("alice");
    public static final List<OrderLine> LINES = List.of(line("KB-001", 2, "89.00"), line("MS-002", 1, "29.00"));
    public static final Money TOTAL = Money.of("207.00", "EUR");

    private OrderOutcomeFixture() {
    }

    public static OrderOutcome.Confirmed confirmed() {
        return new OrderOutcome.Confirmed(ORDER, ALICE, LINES, TOTAL);
    }

    public static OrderOutcome.Cancelled cancelled(CancellationReason reason) {
        return new OrderOutcome.Cancelled(ORDER, ALICE, LINES, TOTAL, reason);
    }

    public static OrderLine line(String sku, int quantity, String unitPrice) {
        return new OrderLine(new Sku(sku), quantity, Money.of(unitPrice, "EUR"));
    }
}
