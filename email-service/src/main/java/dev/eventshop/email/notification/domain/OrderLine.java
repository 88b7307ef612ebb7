package dev.eventshop.email.notification.domain;

import dev.eventshop.events.Money;
import dev.eventshop.events.Sku;
import java.util.Objects;

/** One line of the order as the customer bought it. */
public record OrderLine(Sku sku, int quantity, Money unitPrice) {

    public OrderLine {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
    }

    public Money lineTotal() {
        return unitPrice.times(quantity);
    }
}
