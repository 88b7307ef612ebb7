package dev.eventshop.benchmark;

import java.time.Duration;

/**
 * How long and how hard each part runs. Full mode follows the definition in docs/benchmarks.md (60 s windows); quick
 * mode only proves in about two minutes that every part runs and reports: its figures mean nothing.
 *
 * @param startRate the first rate of the search, in orders a second; each sustainable step multiplies it by
 *     {@code growth} until one is not, then the search halves the interval until it is within {@code precision}
 */
record Plan(String mode, Duration floorDuration, Duration warmUp, double startRate, double growth, int maxSteps,
        double precision, Duration window, Duration drainTimeout, Duration statisticsSettle, int relayBacklog,
        double relayRate, Duration relayDuration) {

    static Plan full() {
        return new Plan("full", Duration.ofSeconds(20), Duration.ofSeconds(60), 10, 1.5, 12, 0.1,
                Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(11), 100_000, 1000,
                Duration.ofSeconds(30));
    }

    /** One rate for a minute after half a minute's warm-up ({@code --probe}); the search's fields are unused. */
    static Plan probe() {
        return new Plan("probe", Duration.ZERO, Duration.ofSeconds(30), 0, 1, 0, 0, Duration.ofSeconds(60),
                Duration.ofSeconds(60), Duration.ofSeconds(11), 0, 0, Duration.ZERO);
    }

    static Plan quick() {
        return new Plan("quick", Duration.ofSeconds(3), Duration.ofSeconds(5), 5, 2, 2, 0.5,
                Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(2), 5_000, 1000,
                Duration.ofSeconds(3));
    }
}
