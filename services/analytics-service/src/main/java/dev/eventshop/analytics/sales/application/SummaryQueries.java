package dev.eventshop.analytics.sales.application;

import dev.eventshop.analytics.AnalyticsProperties;
import dev.eventshop.analytics.sales.domain.Summary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the summary. One repeatable-read transaction: every figure comes from the same snapshot of the same
 * generation, even while events arrive or a rebuild switches generations.
 */
@Service
public class SummaryQueries {

    private final SalesFigures figures;
    private final Generations generations;
    private final int topProducts;

    SummaryQueries(SalesFigures figures, Generations generations, AnalyticsProperties properties) {
        this.figures = figures;
        this.generations = generations;
        this.topProducts = properties.getTopProducts();
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Summary summary() {
        long generation = generations.current();
        return new Summary(generation, figures.orderCounts(generation), figures.revenue(generation),
                figures.topProducts(generation, topProducts), figures.timeToConfirm(generation).orElse(null),
                figures.sagaSteps(generation));
    }
}
