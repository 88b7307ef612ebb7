package dev.eventshop.analytics.sales.domain;

/**
 * The percentiles the summary reports, by the nearest-rank method: the p-th percentile of n sorted values is the one
 * at rank ⌈p·n/100⌉ (from 1), an observed value that at least p % of the values do not exceed.
 */
public enum Percentile {
    P50(50),
    P90(90),
    P99(99);

    private final int percent;

    Percentile(int percent) {
        this.percent = percent;
    }

    public int percent() {
        return percent;
    }

    /** The rank, from 1, of this percentile among {@code count} sorted values. */
    public long rankIn(long count) {
        if (count < 1) {
            throw new IllegalArgumentException("a percentile of no values does not exist");
        }
        return Math.max(1, Math.ceilDiv(count * percent, 100));
    }
}
