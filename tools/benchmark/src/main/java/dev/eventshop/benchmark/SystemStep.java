package dev.eventshop.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * One load step on the whole system: {@code POST /orders} at a fixed rate for a while (open loop), then a wait until
 * every accepted order is final. Sustainable when every request was accepted, every order ended as it must, and the
 * backlog (orders not final yet, consumers' lag) stayed flat.
 */
final class SystemStep {

    /** More requests than this unanswered at once means the system is not keeping up: the step fails. */
    static final int MAX_IN_FLIGHT = 512;

    /** What a step measured. Latencies in milliseconds, slopes in units per second per second. */
    record Result(double rate, double windowSeconds, long sent, long accepted, long rejected, long errors,
            long overCap, Map<String, Long> failures, long completed, long unexpectedOutcomes, Map<String, Long> outcomes,
            Latency postToAccepted,
            Latency postToFinal, double pendingSlope, double lagSlope, Map<String, Double> lagSlopeByGroup,
            double drainSeconds, boolean sustainable, String verdict) {
    }

    private final HttpClient http;
    private final URI orders;
    private final OrderMix mix;
    private final OrderTracker tracker;
    private final Supplier<Map<String, Long>> consumerLag;

    SystemStep(HttpClient http, String orderServiceUrl, OrderMix mix, OrderTracker tracker,
            Supplier<Map<String, Long>> consumerLag) {
        this.http = http;
        this.orders = URI.create(orderServiceUrl + "/orders");
        this.mix = mix;
        this.tracker = tracker;
        this.consumerLag = consumerLag;
    }

    Result run(double rate, Duration window, Duration drainTimeout) {
        Stats stats = new Stats();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        List<double[]> samples = new ArrayList<>();
        Map<String, List<double[]>> groupSamples = new TreeMap<>();
        long start = System.nanoTime();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> {
            double at = (System.nanoTime() - start) / 1e9;
            Map<String, Long> lags = consumerLag.get();
            synchronized (samples) {
                samples.add(new double[] {at, tracker.pending(), Counters.total(lags)});
                lags.forEach((group, lag) -> groupSamples.computeIfAbsent(group, key -> new ArrayList<>())
                        .add(new double[] {at, lag}));
            }
        }, 0, 1, TimeUnit.SECONDS);
        try {
            OpenLoop.run(rate, window, intended -> send(intended, stats, inFlight));
        } finally {
            sampler.shutdownNow();
        }
        long windowEnd = System.nanoTime();
        long deadline = windowEnd + drainTimeout.toNanos();
        while (System.nanoTime() < deadline && !stats.done()) {
            sleep(Duration.ofMillis(50));
        }
        double drain = stats.done() ? Math.max(0, stats.lastCompletion.get() - windowEnd) / 1e9 : Double.NaN;
        double ignoreUntil = window.toMillis() / 1000d * 0.2;
        List<double[]> steady;
        Map<String, Double> groupSlopes = new TreeMap<>();
        synchronized (samples) {
            steady = samples.stream().filter(sample -> sample[0] >= ignoreUntil).toList();
            groupSamples.forEach((group, lags) -> groupSlopes.put(group,
                    slope(lags.stream().filter(sample -> sample[0] >= ignoreUntil).toList(), 1)));
        }
        double pendingSlope = slope(steady, 1);
        double lagSlope = slope(steady.stream().filter(sample -> sample[2] >= 0).toList(), 2);
        String verdict = verdict(rate, stats, drainTimeout, pendingSlope, lagSlope, groupSlopes);
        Map<String, Long> outcomes;
        Map<String, Long> failures;
        synchronized (stats) {
            outcomes = new TreeMap<>(stats.outcomes);
            failures = new TreeMap<>(stats.failures);
        }
        return new Result(rate, window.toMillis() / 1000d, stats.sent.get(), stats.accepted.get(),
                stats.rejected.get(), stats.errors.get(), stats.overCap.get(), failures, stats.completed.get(),
                stats.unexpected.get(), outcomes, Latency.of(stats.postLatency), Latency.of(stats.finalLatency),
                pendingSlope, lagSlope, groupSlopes, drain, verdict.isEmpty(),
                verdict.isEmpty() ? "sustainable" : verdict);
    }

    private void send(long intended, Stats stats, Semaphore inFlight) {
        stats.sent.incrementAndGet();
        if (!inFlight.tryAcquire()) {
            stats.overCap.incrementAndGet();
            return;
        }
        OrderMix.Order order = mix.next();
        HttpRequest request = HttpRequest.newBuilder(orders)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(order.json()))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            inFlight.release();
            long answered = System.nanoTime();
            if (failure != null) {
                stats.errors.incrementAndGet();
                Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                stats.failed(cause.getClass().getSimpleName());
            } else if (response.statusCode() != 202) {
                stats.rejected.incrementAndGet();
                stats.failed("HTTP " + response.statusCode());
            } else {
                Latency.recordNanos(stats.postLatency, answered - intended);
                String location = response.headers().firstValue("Location").orElse("");
                stats.accepted.incrementAndGet();
                tracker.accepted(location.substring(location.lastIndexOf('/') + 1),
                        new OrderTracker.Accepted(intended, order.expectedOutcome(), stats));
            }
        });
    }

    private static String verdict(double rate, Stats stats, Duration drainTimeout, double pendingSlope,
            double lagSlope, Map<String, Double> groupSlopes) {
        List<String> problems = new ArrayList<>();
        if (stats.overCap.get() > 0) {
            problems.add(stats.overCap.get() + " requests found " + MAX_IN_FLIGHT + " unanswered ones ahead");
        }
        if (stats.rejected.get() + stats.errors.get() > 0) {
            synchronized (stats) {
                problems.add((stats.rejected.get() + stats.errors.get()) + " requests not accepted "
                        + stats.failures);
            }
        }
        if (stats.unexpected.get() > 0) {
            problems.add(stats.unexpected.get() + " orders ended otherwise than they must");
        }
        if (!stats.done()) {
            problems.add((stats.accepted.get() - stats.completed.get()) + " orders not final "
                    + drainTimeout.toSeconds() + " s after the window");
        }
        if (pendingSlope > pendingTolerance(rate)) {
            problems.add("orders pending grew %.2f/s".formatted(pendingSlope));
        }
        if (lagSlope > lagTolerance(rate)) {
            problems.add("consumer lag grew %.2f records/s (%s)".formatted(lagSlope, growing(groupSlopes)));
        }
        return String.join("; ", problems);
    }

    /** The consumer groups whose lag grew most, the fastest first: the ones that limit the rate. */
    static String growing(Map<String, Double> groupSlopes) {
        return groupSlopes.entrySet().stream()
                .filter(group -> group.getValue() >= 0.5)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(3)
                .map(group -> "%s %.1f/s".formatted(group.getKey(), group.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** A backlog that grows by more than this many orders a second is not flat: 2 % of the rate, at least 1. */
    static double pendingTolerance(double rate) {
        return Math.max(1, 0.02 * rate);
    }

    /** The same for consumer lag, in records; every order makes about ten records for five consumer groups. */
    static double lagTolerance(double rate) {
        return 10 * pendingTolerance(rate);
    }

    /** Least-squares slope of column {@code y} over column 0; 0 for fewer than three samples. */
    static double slope(List<double[]> samples, int y) {
        int n = samples.size();
        if (n < 3) {
            return 0;
        }
        double meanX = samples.stream().mapToDouble(sample -> sample[0]).average().orElse(0);
        double meanY = samples.stream().mapToDouble(sample -> sample[y]).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (double[] sample : samples) {
            covariance += (sample[0] - meanX) * (sample[y] - meanY);
            variance += (sample[0] - meanX) * (sample[0] - meanX);
        }
        return variance == 0 ? 0 : covariance / variance;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The counts and histograms of one step, filled from the HTTP client's and the watcher's threads. */
    static final class Stats {

        final AtomicLong sent = new AtomicLong();
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong overCap = new AtomicLong();
        final AtomicLong completed = new AtomicLong();
        final AtomicLong unexpected = new AtomicLong();
        final AtomicLong lastCompletion = new AtomicLong();
        final Histogram postLatency = Latency.histogram();
        final Histogram finalLatency = Latency.histogram();
        final Map<String, Long> outcomes = new TreeMap<>();
        /** Requests not accepted, by what came back: {@code HTTP 500}, {@code HttpTimeoutException}. */
        final Map<String, Long> failures = new TreeMap<>();

        synchronized void failed(String what) {
            failures.merge(what, 1L, Long::sum);
        }

        void completed(OrderTracker.Accepted order, String outcome, long seenNanos) {
            Latency.recordNanos(finalLatency, seenNanos - order.intendedNanos());
            if (!outcome.equals(order.expectedOutcome())) {
                unexpected.incrementAndGet();
            }
            synchronized (this) {
                outcomes.merge(outcome, 1L, Long::sum);
            }
            lastCompletion.accumulateAndGet(seenNanos, Math::max);
            completed.incrementAndGet();
        }

        /** Every request answered and every accepted order final. */
        boolean done() {
            return accepted.get() + rejected.get() + errors.get() + overCap.get() == sent.get()
                    && completed.get() == accepted.get();
        }
    }
}
