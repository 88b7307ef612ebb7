package dev.eventshop.benchmark;

import org.HdrHistogram.Histogram;

/** Percentiles of one latency histogram (recorded in microseconds), in milliseconds. */
record Latency(long count, double p50, double p99, double p999, double max) {

    /** From 1 µs to one hour, three significant digits. */
    static Histogram histogram() {
        return new Histogram(3_600_000_000L, 3);
    }

    static Latency of(Histogram histogram) {
        return new Latency(histogram.getTotalCount(), millis(histogram, 50), millis(histogram, 99),
                millis(histogram, 99.9), histogram.getMaxValue() / 1000d);
    }

    /** Records nanoseconds as microseconds, clamped into the histogram's range. */
    static void recordNanos(Histogram histogram, long nanos) {
        long micros = Math.max(1, nanos / 1000);
        synchronized (histogram) {
            histogram.recordValue(Math.min(micros, histogram.getHighestTrackableValue()));
        }
    }

    private static double millis(Histogram histogram, double percentile) {
        synchronized (histogram) {
            return histogram.getValueAtPercentile(percentile) / 1000d;
        }
    }
}
