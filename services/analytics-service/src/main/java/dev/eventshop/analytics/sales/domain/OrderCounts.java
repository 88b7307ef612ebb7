package dev.eventshop.analytics.sales.domain;

import dev.eventshop.events.order.CancellationReason;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * How many orders were placed and how they ended. An order counts as placed as soon as any event about it arrived
 * (each one means it was placed), so confirmed plus cancelled plus pending is placed, and the conversion rate never
 * exceeds 1, even while an {@code OrderPlaced} is still on its way back from a retry topic.
 *
 * @param pending placed, and neither confirmed nor cancelled yet
 * @param cancelledByReason every reason there is, with 0 for a reason no order was cancelled for
 */
public record OrderCounts(long placed, long confirmed, long pending, Map<CancellationReason, Long> cancelledByReason) {

    /** Decimal places of the conversion rate. */
    public static final int RATE_SCALE = 4;

    public OrderCounts {
        EnumMap<CancellationReason, Long> complete = new EnumMap<>(CancellationReason.class);
        for (CancellationReason reason : CancellationReason.values()) {
            complete.put(reason, cancelledByReason.getOrDefault(reason, 0L));
        }
        cancelledByReason = Collections.unmodifiableMap(complete);
    }

    public long cancelled() {
        return cancelledByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Confirmed orders per placed order, rounded half up to {@value #RATE_SCALE} places; empty when none was placed. */
    public Optional<BigDecimal> conversionRate() {
        if (placed == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(confirmed).divide(BigDecimal.valueOf(placed), RATE_SCALE,
                RoundingMode.HALF_UP));
    }
}
