package dev.eventshop.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A run's figures, written three ways into the output directory: {@code benchmark.json} for machines,
 * {@code benchmark.md} (the results section of docs/benchmarks.md) for people, and two SVG charts.
 */
record Report(Plan plan, Instant startedAt, Duration took, Machine machine, String loadAfter, Floors.Result floors,
        SystemLoad.Result system, RelayBenchmark.Result relay) {

    static final String JSON_FILE = "benchmark.json";
    static final String MARKDOWN_FILE = "benchmark.md";
    static final String LATENCY_CHART = "benchmark-latency.svg";
    static final String RATIO_CHART = "benchmark-ratios.svg";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Every result next to the floor it is compared with: the figure, its floor, and figure / floor. */
    record Ratio(String figure, double value, String unit, String floor, double floorValue) {

        double ratio() {
            return floorValue == 0 ? Double.NaN : value / floorValue;
        }
    }

    List<Ratio> ratios() {
        SystemStep.Result measured = system.measured();
        return List.of(
                new Ratio("highest sustainable rate", system.highestSustainableRate(), "orders/s",
                        "JDBC insert transactions/s", floors.jdbcTransactionsPerSecond()),
                new Ratio("POST→202 p50", measured.postToAccepted().p50(), "ms", "JDBC insert transaction p50",
                        floors.jdbcTransaction().p50()),
                new Ratio("POST→202 p99", measured.postToAccepted().p99(), "ms", "JDBC insert transaction p99",
                        floors.jdbcTransaction().p99()),
                new Ratio("POST→202 p99.9", measured.postToAccepted().p999(), "ms", "JDBC insert transaction p99",
                        floors.jdbcTransaction().p99()),
                new Ratio("POST→final status p50", measured.postToFinal().p50(), "ms", "Kafka send→ack p50",
                        floors.kafkaAckAtFixedRate().p50()),
                new Ratio("POST→final status p99", measured.postToFinal().p99(), "ms", "Kafka send→ack p99",
                        floors.kafkaAckAtFixedRate().p99()),
                new Ratio("relay drain rate", relay.drainPerSecond(), "events/s", "Kafka producer records/s",
                        floors.kafkaRecordsPerSecond()),
                new Ratio("relay commit→ack p99", relay.commitToAck().p99(), "ms", "Kafka send→ack p99",
                        floors.kafkaAckAtFixedRate().p99()));
    }

    void write(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(JSON_FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json()));
            Files.writeString(directory.resolve(MARKDOWN_FILE), markdown());
            Files.writeString(directory.resolve(LATENCY_CHART), latencyChart());
            Files.writeString(directory.resolve(RATIO_CHART), ratioChart());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report into " + directory, e);
        }
    }

    ObjectNode json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("mode", plan.mode());
        root.put("figuresMeaningful", plan.mode().equals("full"));
        root.put("startedAt", startedAt.toString());
        root.put("tookSeconds", took.toSeconds());
        ObjectNode host = root.putObject("machine");
        host.put("cpu", machine.cpu());
        host.put("cores", machine.cores());
        host.put("memoryMiB", machine.memoryMiB());
        host.put("kernel", machine.kernel());
        host.put("jdk", machine.jdk());
        host.put("loadAverageBefore", machine.loadBefore());
        host.put("loadAverageAfter", loadAfter);

        ObjectNode floor = root.putObject("floors");
        ObjectNode kafka = floor.putObject("kafkaProducer");
        kafka.put("recordsPerSecond", floors.kafkaRecordsPerSecond());
        kafka.put("fixedRate", floors.kafkaFixedRate());
        latency(kafka.putObject("sendToAckAtFixedRate"), floors.kafkaAckAtFixedRate());
        ObjectNode jdbc = floor.putObject("jdbcInsertTransaction");
        jdbc.put("transactionsPerSecond", floors.jdbcTransactionsPerSecond());
        latency(jdbc.putObject("latency"), floors.jdbcTransaction());

        ObjectNode whole = root.putObject("system");
        whole.put("highestSustainableRate", system.highestSustainableRate());
        var search = whole.putArray("search");
        system.search().forEach(step -> step(search.addObject(), step));
        ObjectNode half = whole.putObject("atHalfRate");
        step(half, system.measured());
        ObjectNode cpu = half.putObject("cpuMillisPerOrder");
        system.cpuMillisPerOrder().forEach(cpu::put);
        ObjectNode threads = half.putObject("busiestThreadsCpuMillisPerOrder");
        system.busiestThreads().forEach((process, busiest) -> busiest.forEach(threads.putObject(process)::put));
        half.put("kafkaRecordsPerOrder", system.recordsPerOrder());
        half.put("offsetCommitsPerOrder", system.offsetCommitsPerOrder());
        half.put("transactionsPerOrder", system.transactionsPerOrder());
        half.put("recordsDeliveredPerOrder", system.deliveriesPerOrder());
        half.put("recordsPerFetch", system.recordsPerFetch());

        ObjectNode outbox = root.putObject("relay");
        outbox.put("backlog", relay.backlog());
        outbox.put("drainSeconds", relay.drainSeconds());
        outbox.put("drainPerSecond", relay.drainPerSecond());
        ObjectNode commit = outbox.putObject("commitToAck");
        commit.put("offeredRate", relay.offeredRate());
        commit.put("achievedRate", relay.achievedRate());
        latency(commit, relay.commitToAck());

        var ratios = root.putArray("ratios");
        for (Ratio ratio : ratios()) {
            ObjectNode node = ratios.addObject();
            node.put("figure", ratio.figure());
            node.put("value", ratio.value());
            node.put("unit", ratio.unit());
            node.put("floor", ratio.floor());
            node.put("floorValue", ratio.floorValue());
            node.put("ratio", ratio.ratio());
        }
        return root;
    }

    private static void step(ObjectNode node, SystemStep.Result step) {
        node.put("rate", step.rate());
        node.put("windowSeconds", step.windowSeconds());
        node.put("sent", step.sent());
        node.put("accepted", step.accepted());
        node.put("rejected", step.rejected());
        node.put("errors", step.errors());
        node.put("overInFlightCap", step.overCap());
        ObjectNode failures = node.putObject("notAccepted");
        step.failures().forEach(failures::put);
        node.put("final", step.completed());
        node.put("unexpectedOutcomes", step.unexpectedOutcomes());
        ObjectNode outcomes = node.putObject("outcomes");
        step.outcomes().forEach(outcomes::put);
        latency(node.putObject("postToAccepted"), step.postToAccepted());
        latency(node.putObject("postToFinal"), step.postToFinal());
        node.put("pendingSlopePerSecond", step.pendingSlope());
        node.put("lagSlopePerSecond", step.lagSlope());
        ObjectNode byGroup = node.putObject("lagSlopePerSecondByGroup");
        step.lagSlopeByGroup().forEach(byGroup::put);
        node.put("drainSeconds", step.drainSeconds());
        node.put("sustainable", step.sustainable());
        node.put("verdict", step.verdict());
    }

    private static void latency(ObjectNode node, Latency latency) {
        node.put("count", latency.count());
        node.put("p50Ms", latency.p50());
        node.put("p99Ms", latency.p99());
        node.put("p999Ms", latency.p999());
        node.put("maxMs", latency.max());
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("Run of %s (%s mode, %d s)%s.%n%n".formatted(startedAt.toString().substring(0, 19) + "Z",
                plan.mode(), took.toSeconds(), plan.mode().equals("full") ? ""
                        : "; quick mode proves the benchmark runs, its figures mean nothing"));
        md.append("Machine: %s, %d cores, %,d MiB, Linux %s, %s; load average before %s, after %s.%n%n".formatted(
                machine.cpu(), machine.cores(), machine.memoryMiB(), machine.kernel(), machine.jdk(),
                machine.loadBefore(), loadAfter));
        md.append("| figure | value | floor | floor value | ratio |\n|---|---:|---|---:|---:|\n");
        for (Ratio ratio : ratios()) {
            md.append("| %s | %s %s | %s | %s | %s |%n".formatted(ratio.figure(), number(ratio.value()),
                    ratio.unit(), ratio.floor(), number(ratio.floorValue()), number(ratio.ratio())));
        }
        SystemStep.Result measured = system.measured();
        md.append("%nAt half the highest sustainable rate (%s orders/s, %d orders, outcomes %s):%n%n".formatted(
                number(measured.rate()), measured.completed(), measured.outcomes()));
        md.append("| per order | value |\n|---|---:|\n");
        system.cpuMillisPerOrder().forEach((process, millis) ->
                md.append("| CPU ms, %s | %s |%n".formatted(process, number(millis))));
        md.append("| CPU ms, all processes | %s |%n".formatted(number(system.cpuMillisPerOrder().values().stream()
                .mapToDouble(Double::doubleValue).sum())));
        md.append("| Kafka records (all topics) | %s |%n".formatted(number(system.recordsPerOrder())));
        md.append("| consumer offset commits | %s |%n".formatted(number(system.offsetCommitsPerOrder())));
        md.append("| records delivered to the services' consumers (records per fetch) | %s (%s) |%n".formatted(
                number(system.deliveriesPerOrder()), number(system.recordsPerFetch())));
        md.append("| PostgreSQL transactions (services' databases) | %s |%n".formatted(
                number(system.transactionsPerOrder())));
        md.append(busiestThreads(system));
        md.append("%nThe search (%d s windows):%n%n".formatted(plan.window().toSeconds()));
        md.append("| orders/s | sent | final | POST→202 p99 ms | POST→final p99 ms | pending slope /s | lag slope /s"
                + " | drain s | verdict |\n|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (SystemStep.Result step : system.search()) {
            md.append("| %s | %d | %d | %s | %s | %s | %s | %s | %s |%n".formatted(number(step.rate()), step.sent(),
                    step.completed(), number(step.postToAccepted().p99()), number(step.postToFinal().p99()),
                    number(step.pendingSlope()), number(step.lagSlope()), number(step.drainSeconds()),
                    step.verdict()));
        }
        md.append("%nRelay: a backlog of %,d events drained in %s s; commit→ack at %s events/s offered (%s achieved):"
                .formatted(relay.backlog(), number(relay.drainSeconds()), number(relay.offeredRate()),
                        number(relay.achievedRate())));
        md.append(" p50 %s ms, p99 %s ms, p99.9 %s ms.%n%n".formatted(number(relay.commitToAck().p50()),
                number(relay.commitToAck().p99()), number(relay.commitToAck().p999())));
        md.append("![Latencies](%s)%n%n![Ratios to the floors](%s)%n".formatted(LATENCY_CHART, RATIO_CHART));
        return md.toString();
    }

    /** The figures of a {@code --probe} run: latencies and the cost of an order at its one rate. */
    static String probeMarkdown(SystemLoad.Result system, Map<String, Double> idleMillisPerSecond, Machine machine,
            String loadAfter) {
        SystemStep.Result measured = system.measured();
        StringBuilder md = new StringBuilder();
        md.append("Probe at %s orders/s for %.0f s on %s, %d cores; load average before %s, after %s.%n".formatted(
                number(measured.rate()), measured.windowSeconds(), machine.cpu(), machine.cores(),
                machine.loadBefore(), loadAfter));
        md.append("%d sent, %d final, outcomes %s, verdict: %s%n%n".formatted(measured.sent(), measured.completed(),
                measured.outcomes(), measured.verdict()));
        md.append("| figure | value |\n|---|---:|\n");
        md.append("| POST→202 p50 / p99 / p99.9 ms | %s / %s / %s |%n".formatted(number(measured.postToAccepted().p50()),
                number(measured.postToAccepted().p99()), number(measured.postToAccepted().p999())));
        md.append("| POST→final p50 / p99 ms | %s / %s |%n".formatted(number(measured.postToFinal().p50()),
                number(measured.postToFinal().p99())));
        system.cpuMillisPerOrder().forEach((process, millis) ->
                md.append("| CPU ms per order, %s | %s |%n".formatted(process, number(millis))));
        md.append("| CPU ms per order, all processes | %s |%n".formatted(number(system.cpuMillisPerOrder().values()
                .stream().mapToDouble(Double::doubleValue).sum())));
        md.append("| Kafka records per order | %s |%n".formatted(number(system.recordsPerOrder())));
        md.append("| consumer offset commits per order | %s |%n".formatted(number(system.offsetCommitsPerOrder())));
        md.append("| records delivered to the services' consumers per order (records per fetch) | %s (%s) |%n"
                .formatted(number(system.deliveriesPerOrder()), number(system.recordsPerFetch())));
        md.append("| PostgreSQL transactions per order | %s |%n".formatted(number(system.transactionsPerOrder())));
        md.append(busiestThreads(system));
        md.append("%nIdle, before the window (%d s without orders):%n%n| process | CPU ms per second |%n|---|---:|%n"
                .formatted(SystemLoad.IDLE.toSeconds()));
        idleMillisPerSecond.forEach((process, millis) ->
                md.append("| %s | %s |%n".formatted(process, number(millis))));
        md.append("| all processes | %s |%n".formatted(number(idleMillisPerSecond.values().stream()
                .mapToDouble(Double::doubleValue).sum())));
        return md.toString();
    }

    /** Where each process's CPU went: its busiest thread names, as the kernel keeps them (15 characters). */
    private static String busiestThreads(SystemLoad.Result system) {
        StringBuilder md = new StringBuilder();
        md.append(("%nEach process's %d busiest threads by name (numbers as #; the kernel keeps 15 characters of a"
                + " name; a thread that ended within the window is not counted):%n%n")
                .formatted(SystemLoad.BUSIEST_THREADS));
        md.append("| process | thread | CPU ms per order |\n|---|---|---:|\n");
        system.busiestThreads().forEach((process, threads) -> threads.forEach((thread, millis) ->
                md.append("| %s | `%s` | %s |%n".formatted(process, thread, number(millis)))));
        return md.toString();
    }

    private String latencyChart() {
        SystemStep.Result measured = system.measured();
        List<SvgChart.Bar> bars = new ArrayList<>(List.of(
                new SvgChart.Bar("POST→202 p50", measured.postToAccepted().p50(), "ms"),
                new SvgChart.Bar("POST→202 p99", measured.postToAccepted().p99(), "ms"),
                new SvgChart.Bar("POST→202 p99.9", measured.postToAccepted().p999(), "ms"),
                new SvgChart.Bar("POST→final p50", measured.postToFinal().p50(), "ms"),
                new SvgChart.Bar("POST→final p99", measured.postToFinal().p99(), "ms"),
                new SvgChart.Bar("relay commit→ack p99", relay.commitToAck().p99(), "ms"),
                new SvgChart.Bar("floor: Kafka send→ack p99", floors.kafkaAckAtFixedRate().p99(), "ms"),
                new SvgChart.Bar("floor: JDBC transaction p99", floors.jdbcTransaction().p99(), "ms")));
        return SvgChart.bars("Latency at %s orders/s (%s mode)".formatted(number(measured.rate()), plan.mode()), bars);
    }

    private String ratioChart() {
        List<SvgChart.Bar> bars = ratios().stream()
                .map(ratio -> new SvgChart.Bar(ratio.figure() + " / floor", ratio.ratio(), "×"))
                .toList();
        return SvgChart.bars("Each figure as a multiple of its floor (%s mode, logarithmic)".formatted(plan.mode()),
                bars, true);
    }

    /** Three significant digits, or two below 1 (0.0024, 0.1); n/a for what was not measured. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        if (magnitude > 0 && magnitude < 1) {
            return new BigDecimal(value).round(new MathContext(2)).stripTrailingZeros().toPlainString();
        }
        String pattern = magnitude >= 100 ? "%,.0f" : magnitude >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, value);
    }
}
