package dev.eventshop.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The whole-system benchmark: seeds stock and money, warms the services up, searches the highest sustainable rate by
 * stepping up, then measures latency and the cost of an order at half of it.
 */
final class SystemLoad {

    /** What the system measurement found. */
    record Result(List<SystemStep.Result> search, double highestSustainableRate, SystemStep.Result measured,
            Map<String, Double> cpuMillisPerOrder, Map<String, Map<String, Double>> busiestThreads,
            double recordsPerOrder, double offsetCommitsPerOrder, double transactionsPerOrder,
            double deliveriesPerOrder, double recordsPerFetch) {
    }

    /** How many of a process's thread names {@link Result#busiestThreads} lists, the busiest first. */
    static final int BUSIEST_THREADS = 5;

    /** Below this the search stops: a system that cannot carry one order every two seconds has no rate to find. */
    static final double MINIMUM_RATE = 0.5;

    /** How long a probe watches the system idle. */
    static final Duration IDLE = Duration.ofSeconds(20);

    private final BenchmarkStack stack;
    private final Plan plan;
    private final Consumer<String> progress;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final ConsumerFetches fetches;

    SystemLoad(BenchmarkStack stack, Plan plan, Consumer<String> progress) {
        this.stack = stack;
        this.plan = plan;
        this.progress = progress;
        this.fetches = new ConsumerFetches(http, stack.serviceUrls());
    }

    Result run() {
        return underLoad((step, counters, tracker) -> {
            progress.accept("warming up: %.0f orders/s for %d s".formatted(plan.startRate(),
                    plan.warmUp().toSeconds()));
            report(step.run(plan.startRate(), plan.warmUp(), plan.drainTimeout()));
            awaitQuiet(tracker, counters);

            List<SystemStep.Result> search = new ArrayList<>();
            double good = 0;
            double bad = Double.NaN;
            double rate = plan.startRate();
            for (int i = 0; i < plan.maxSteps(); i++) {
                SystemStep.Result result = step.run(rate, plan.window(), plan.drainTimeout());
                search.add(result);
                report(result);
                if (result.sustainable()) {
                    good = rate;
                    if (!Double.isNaN(bad)) {
                        rate = (good + bad) / 2;
                    } else {
                        rate = rate * plan.growth();
                    }
                } else {
                    bad = rate;
                    rate = good > 0 ? (good + bad) / 2 : bad / 2;
                    awaitQuiet(tracker, counters);
                }
                if ((!Double.isNaN(bad) && (bad - good) / bad < plan.precision()) || rate < MINIMUM_RATE) {
                    break;
                }
            }
            double half = good > 0 ? good / 2 : plan.startRate() / 2;
            progress.accept("measuring at half the highest sustainable rate: %.1f orders/s for %d s"
                    .formatted(half, plan.window().toSeconds()));
            return measure(step, counters, half, search, good);
        });
    }

    /** What a probe measured: the step at its rate, and what the idle system costs a second, process by process. */
    record Probe(Result result, Map<String, Double> idleMillisPerSecond) {
    }

    /**
     * {@code --probe}: one fixed rate instead of the search, to see what a change does to the cost of an order
     * without the twenty minutes of a full run. Warms up at that rate, watches the system idle, then measures the
     * rate as a full run measures half the highest sustainable rate.
     */
    Probe probe(double rate) {
        return underLoad((step, counters, tracker) -> {
            progress.accept("warming up: %.0f orders/s for %d s".formatted(rate, plan.warmUp().toSeconds()));
            report(step.run(rate, plan.warmUp(), plan.drainTimeout()));
            awaitQuiet(tracker, counters);
            progress.accept("idle for %d s: what the system costs without orders".formatted(IDLE.toSeconds()));
            List<ProcessCpu.Watched> processes = stack.processes();
            Map<String, Long> idleBefore = ProcessCpu.millis(processes);
            sleep(IDLE);
            Map<String, Long> idleAfter = ProcessCpu.millis(processes);
            Map<String, Double> idle = new LinkedHashMap<>();
            idleAfter.forEach((name, millis) -> idle.put(name,
                    (millis - idleBefore.getOrDefault(name, 0L)) / (double) IDLE.toSeconds()));
            progress.accept("measuring %.1f orders/s for %d s".formatted(rate, plan.window().toSeconds()));
            return new Probe(measure(step, counters, rate, List.of(), Double.NaN), idle);
        });
    }

    /** What is measured with the load generator, the system's counters and the orders' tracker. */
    private interface Measurement<T> {
        T take(SystemStep step, Counters counters, OrderTracker tracker);
    }

    /** Seeds stock and money, then takes the measurement, every order's final status watched on the topics. */
    private <T> T underLoad(Measurement<T> measurement) {
        seed();
        OrderTracker tracker = new OrderTracker();
        try (Counters counters = new Counters(stack.kafkaBootstrapServers(), stack.postgres());
                FinalStatusWatcher ignored = new FinalStatusWatcher(stack.kafkaBootstrapServers(), tracker)) {
            SystemStep step = new SystemStep(http, stack.url("order-service"), new OrderMix(42), tracker,
                    counters::consumerLagByGroup);
            return measurement.take(step, counters, tracker);
        }
    }

    private Result measure(SystemStep step, Counters counters, double rate, List<SystemStep.Result> search,
            double highestSustainable) {
        List<ProcessCpu.Watched> processes = stack.processes();
        Map<String, Long> cpuBefore = ProcessCpu.millis(processes);
        Map<String, Map<String, Long>> threadsBefore = ProcessCpu.threadMillis(processes);
        Counters.Reading before = counters.read();
        ConsumerFetches.Reading fetchesBefore = fetches.read();
        SystemStep.Result measured = step.run(rate, plan.window(), plan.drainTimeout());
        Map<String, Long> cpuAfter = ProcessCpu.millis(processes);
        Map<String, Map<String, Long>> threadsAfter = ProcessCpu.threadMillis(processes);
        ConsumerFetches.Reading received = fetches.read().minus(fetchesBefore);
        // PostgreSQL's statistics reach pg_stat_database up to a few seconds late from busy backends.
        sleep(plan.statisticsSettle());
        Counters.Reading work = counters.read().minus(before);
        report(measured);
        double orders = Math.max(1, measured.completed());
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpuAfter.forEach((name, millis) -> cpu.put(name, (millis - cpuBefore.getOrDefault(name, 0L)) / orders));
        return new Result(search, highestSustainable, measured, cpu,
                busiestThreads(threadsBefore, threadsAfter, orders), work.systemRecords() / orders,
                work.offsetCommits() / orders, work.transactions() / orders, received.records() / orders,
                received.recordsPerFetch());
    }

    /**
     * Per order, the CPU of each process's busiest thread names in the window; only for processes with more than one
     * (PostgreSQL's backends are processes of their own, counted in its total).
     */
    static Map<String, Map<String, Double>> busiestThreads(Map<String, Map<String, Long>> before,
            Map<String, Map<String, Long>> after, double orders) {
        Map<String, Map<String, Double>> busiest = new LinkedHashMap<>();
        after.forEach((process, threads) -> {
            if (threads.size() < 2) {
                return;
            }
            Map<String, Long> earlier = before.getOrDefault(process, Map.of());
            Map<String, Double> top = new LinkedHashMap<>();
            threads.entrySet().stream()
                    .map(thread -> Map.entry(thread.getKey(),
                            thread.getValue() - earlier.getOrDefault(thread.getKey(), 0L)))
                    .filter(thread -> thread.getValue() > 0)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(BUSIEST_THREADS)
                    .forEach(thread -> top.put(thread.getKey(), thread.getValue() / orders));
            busiest.put(process, top);
        });
        return busiest;
    }

    private void report(SystemStep.Result result) {
        progress.accept("  %6.1f orders/s: %d sent, %d final, POST->202 p99 %.1f ms, POST->final p99 %.1f ms,"
                .formatted(result.rate(), result.sent(), result.completed(), result.postToAccepted().p99(),
                        result.postToFinal().p99())
                + " pending slope %.2f/s, lag slope %.2f/s: %s".formatted(result.pendingSlope(), result.lagSlope(),
                        result.verdict()));
    }

    /**
     * After the warm-up and after an unsustainable step, what follows starts only once the backlog is gone (or the
     * drain timeout passed): every order final and every consumer group caught up, so that it does not pay for the
     * email and analytics work left over from before.
     */
    private void awaitQuiet(OrderTracker tracker, Counters counters) {
        long deadline = System.nanoTime() + plan.drainTimeout().toNanos();
        long lag = -1;
        while (System.nanoTime() < deadline) {
            lag = tracker.pending() > 0 ? -1 : counters.consumerLag();
            if (lag == 0) {
                return;
            }
            sleep(Duration.ofMillis(200));
        }
        progress.accept("the backlog was not gone within %d s (%d orders pending, consumer lag %d); going on"
                .formatted(plan.drainTimeout().toSeconds(), tracker.pending(), lag));
    }

    /** Enough stock of every product sold and enough money on every funded account for the whole run. */
    private void seed() {
        for (String sku : List.of("KB-001", "MS-002", "HB-004", OrderMix.DECLINED_SKU)) {
            for (int i = 0; i < 3; i++) {
                post(stack.url("inventory-service") + "/products/" + sku + "/restock", "{\"quantity\":100000}");
            }
        }
        for (String customer : OrderMix.FUNDED_CUSTOMERS) {
            post(stack.url("payment-service") + "/accounts/" + customer + "/deposits", "{\"amount\":\"1000000000\"}");
        }
    }

    private void post(String url, String json) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": "
                        + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("POST " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
