package dev.eventshop.analytics.sales.domain;

import dev.eventshop.events.Money;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The figures of the analytics, all from one generation of the read models (one consistent snapshot).
 *
 * @param generation the generation of the read models the figures come from; a rebuild makes a new one
 * @param revenue the sum of the totals of confirmed orders, one amount per currency, sorted by currency
 * @param topProducts the products sold most, by units in confirmed orders, most first
 * @param timeToConfirm from placement to confirmation; null until an order was both placed and confirmed
 */
public record Summary(long generation, OrderCounts orders, List<Money> revenue, List<ProductSales> topProducts,
        @Nullable TimeToConfirm timeToConfirm, SagaSteps sagaSteps) {

    public Summary {
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(sagaSteps, "sagaSteps");
        revenue = List.copyOf(revenue);
        topProducts = List.copyOf(topProducts);
    }
}
