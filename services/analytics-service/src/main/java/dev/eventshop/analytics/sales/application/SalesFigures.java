package dev.eventshop.analytics.sales.application;

import dev.eventshop.analytics.sales.domain.OrderCounts;
import dev.eventshop.analytics.sales.domain.ProductSales;
import dev.eventshop.analytics.sales.domain.SagaSteps;
import dev.eventshop.analytics.sales.domain.TimeToConfirm;
import dev.eventshop.events.Money;
import java.util.List;
import java.util.Optional;

/** The figures of one generation of the read models, aggregated where they are stored. */
public interface SalesFigures {

    OrderCounts orderCounts(long generation);

    SagaSteps sagaSteps(long generation);

    /** The sum of confirmed totals per currency, sorted by currency. */
    List<Money> revenue(long generation);

    /** The {@code limit} products with the most units in confirmed orders, most first, then by SKU. */
    List<ProductSales> topProducts(long generation, int limit);

    /** Empty until an order is known to have been both placed and confirmed. */
    Optional<TimeToConfirm> timeToConfirm(long generation);

    /** How many products the generation knows the name of. */
    long productCount(long generation);
}
