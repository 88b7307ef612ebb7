package dev.eventshop.inventory.stock.domain;

import dev.eventshop.events.Sku;
import java.util.Objects;

/** A product an order asked for more of than was available; {@code available} is 0 for a product that is not there. */
public record Shortage(Sku sku, int requested, int available) {

    public Shortage {
        Objects.requireNonNull(sku, "sku");
    }

    /** {@code CB-005: 6 requested, 5 available}, for log lines. */
    @Override
    public String toString() {
        return sku + ": " + requested + " requested, " + available + " available";
    }
}
