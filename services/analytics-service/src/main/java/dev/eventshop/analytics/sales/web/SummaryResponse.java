package dev.eventshop.analytics.sales.web;

import dev.eventshop.analytics.sales.domain.OrderCounts;
import dev.eventshop.analytics.sales.domain.Summary;
import dev.eventshop.analytics.sales.domain.TimeToConfirm;
import dev.eventshop.events.order.CancellationReason;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The summary as JSON. Money is a decimal string with its currency; times are milliseconds, to the microsecond.
 *
 * @param generation the generation of the read models the figures come from; a rebuild makes a new one
 * @param conversionRate confirmed orders per placed order, 0 to 1 with four decimals; null while none was placed
 * @param revenue the totals of confirmed orders, one entry per currency
 * @param topProducts the products with the most units in confirmed orders, most first (then by SKU)
 * @param timeToConfirm from placement to confirmation by the events' own times; null until an order was both
 */
@Schema(name = "Summary")
public record SummaryResponse(long generation, Orders orders, @Nullable BigDecimal conversionRate,
        List<Amount> revenue, List<TopProduct> topProducts, @Nullable TimeToConfirmMillis timeToConfirm,
        SagaSteps sagaSteps) {

    public static SummaryResponse of(Summary summary) {
        OrderCounts orders = summary.orders();
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (CancellationReason reason : CancellationReason.values()) {
            byReason.put(reason.name(), orders.cancelledByReason().get(reason));
        }
        TimeToConfirm time = summary.timeToConfirm();
        return new SummaryResponse(summary.generation(),
                new Orders(orders.placed(), orders.confirmed(), orders.cancelled(), orders.pending(), byReason),
                orders.conversionRate().orElse(null),
                summary.revenue().stream()
                        .map(money -> new Amount(money.amount().toPlainString(), money.currency())).toList(),
                summary.topProducts().stream()
                        .map(product -> new TopProduct(product.sku().value(), product.name(), product.units()))
                        .toList(),
                time == null ? null : new TimeToConfirmMillis(time.orders(), millis(time.average()),
                        millis(time.p50()), millis(time.p90()), millis(time.p99())),
                new SagaSteps(summary.sagaSteps().stockReserved(), summary.sagaSteps().paymentCompleted(),
                        summary.sagaSteps().customerNotified()));
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1_000_000.0;
    }

    /**
     * Orders by how they ended. An order counts as placed once any event about it arrived, so placed is always
     * confirmed + cancelled + pending.
     *
     * @param cancelledByReason every cancellation reason, 0 where none
     */
    public record Orders(long placed, long confirmed, long cancelled, long pending,
            Map<String, Long> cancelledByReason) {
    }

    /** An amount of money. */
    public record Amount(@Schema(example = "1234.00") String amount, @Schema(example = "EUR") String currency) {
    }

    /** @param name from the product catalog; null while the catalog has not named the product */
    public record TopProduct(String sku, @Nullable String name, long units) {
    }

    /** @param orders confirmed orders whose placement is known, which the times are of */
    public record TimeToConfirmMillis(long orders, double averageMillis, double p50Millis, double p90Millis,
            double p99Millis) {
    }

    /** Orders that reached each step the inventory, payment and email topics report. */
    public record SagaSteps(long stockReserved, long paymentCompleted, long customerNotified) {
    }
}
