package dev.eventshop.analytics.sales.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How long orders took from placement to confirmation, by the times their events state (not when the analytics
 * processed them). Percentiles by the nearest-rank method ({@link Percentile}), so each is an observed time.
 *
 * @param orders how many orders the figures are of: confirmed ones whose placement is known
 * @param average the mean, to the microsecond
 */
public record TimeToConfirm(long orders, Duration average, Duration p50, Duration p90, Duration p99) {

    public TimeToConfirm {
        Objects.requireNonNull(average, "average");
        Objects.requireNonNull(p50, "p50");
        Objects.requireNonNull(p90, "p90");
        Objects.requireNonNull(p99, "p99");
        if (orders < 1) {
            throw new IllegalArgumentException("times to confirm are of at least one order");
        }
    }
}
