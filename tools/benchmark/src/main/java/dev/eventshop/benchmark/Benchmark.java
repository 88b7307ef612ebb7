package dev.eventshop.benchmark;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * {@code ./run-benchmark [--quick] [--out <dir>]}: starts the embedded stack, measures this machine's floors, the
 * whole system under open-loop load and the outbox relay alone, and writes the report. Full mode also rewrites the
 * results section of docs/benchmarks.md and its charts. The services' output goes to {@code stack.log} in the output
 * directory, not to the console: they still write every line, so the cost stays in the figures.
 */
public final class Benchmark {

    static final String USAGE = """
            Usage: run-benchmark [--quick | --probe <orders/s>] [--out <dir>]

            Starts the embedded stack on free ports and benchmarks it; see docs/benchmarks.md.
              --quick             about two minutes, to prove the benchmark works; its figures mean nothing
              --probe <orders/s>  about four minutes: the cost and latencies of an order at that one rate, to
                                  compare changes; no search, no floors, no relay, docs left alone
              --out <dir>         where the report goes (default: target/benchmark)
            Full mode (no --quick) takes 20 minutes or more and rewrites the results in docs/benchmarks.md.
            """;

    /** The command line, parsed. */
    record Options(boolean quick, double probe, Path out, boolean help) {

        boolean probing() {
            return !Double.isNaN(probe);
        }

        static Options parse(String... arguments) {
            boolean quick = false;
            double probe = Double.NaN;
            boolean help = false;
            Path out = Path.of("target", "benchmark");
            for (int i = 0; i < arguments.length; i++) {
                switch (arguments[i]) {
                    case "--quick" -> quick = true;
                    case "--help", "-h" -> help = true;
                    case "--probe" -> {
                        try {
                            probe = Double.parseDouble(i + 1 < arguments.length ? arguments[++i] : "");
                        } catch (NumberFormatException e) {
                            probe = 0;
                        }
                        if (!(probe > 0) || Double.isInfinite(probe)) {
                            throw new IllegalArgumentException("--probe needs a rate in orders a second, above 0");
                        }
                    }
                    case "--out" -> {
                        if (i + 1 == arguments.length || arguments[i + 1].isBlank()) {
                            throw new IllegalArgumentException("--out needs a directory");
                        }
                        out = Path.of(arguments[++i]);
                    }
                    default -> throw new IllegalArgumentException("unknown option: " + arguments[i]);
                }
            }
            if (quick && !Double.isNaN(probe)) {
                throw new IllegalArgumentException("--quick and --probe do not go together");
            }
            return new Options(quick, probe, out, help);
        }
    }

    private Benchmark() {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(USAGE);
            return;
        }
        Path root = Path.of("").toAbsolutePath();
        if (options.probing()) {
            probe(root, options.probe(), root.resolve(options.out()));
            System.exit(0);
        }
        Report report = run(root, options.quick() ? Plan.quick() : Plan.full(), root.resolve(options.out()));
        if (!options.quick()) {
            Docs.update(root.resolve("docs"), report);
            System.out.println("Rewrote the results in docs/benchmarks.md");
        }
        System.exit(0);
    }

    /** Runs every part in order on a fresh stack in {@code out/data}, which is deleted afterwards. */
    static Report run(Path repositoryRoot, Plan plan, Path out) {
        Instant started = Instant.now();
        Machine machine = Machine.describe();
        return onFreshStack(repositoryRoot, out, (stack, say) -> {
            say.accept("%s benchmark on %s (%d cores, load average %s)".formatted(plan.mode(), machine.cpu(),
                    machine.cores(), machine.loadBefore()));
            say.accept("starting PostgreSQL, Kafka, SMTP and Zipkin");
            stack.startInfrastructure();
            say.accept("floors: a bare KafkaProducer (acks=all) and a bare JDBC insert transaction");
            Floors.Result floors = Floors.measure(stack.kafka(), stack.postgres(), plan, plan.relayRate());
            say.accept("  Kafka %s records/s, send→ack p99 %s ms at %s/s; JDBC %s transactions/s".formatted(
                    Report.number(floors.kafkaRecordsPerSecond()), Report.number(floors.kafkaAckAtFixedRate().p99()),
                    Report.number(floors.kafkaFixedRate()), Report.number(floors.jdbcTransactionsPerSecond())));
            say.accept("starting the five services (service output: " + out.resolve("stack.log") + ")");
            stack.startServices();
            SystemLoad.Result system = new SystemLoad(stack, plan, say).run();
            say.accept("stopping the services, so that the relay runs alone");
            stack.stopServices();
            RelayBenchmark.Result relay = RelayBenchmark.measure(stack.kafka(), stack.postgres(), plan, say);
            Report report = new Report(plan, started, Duration.between(started, Instant.now()), machine,
                    Machine.loadAverage(), floors, system, relay);
            report.write(out);
            say.accept("report: " + out.resolve(Report.JSON_FILE) + ", " + out.resolve(Report.MARKDOWN_FILE));
            return report;
        });
    }

    /** {@code --probe}: the services at one rate, reported on the console and in {@code probe.md}. */
    static void probe(Path repositoryRoot, double rate, Path out) {
        Machine machine = Machine.describe();
        onFreshStack(repositoryRoot, out, (stack, say) -> {
            say.accept("probe at %s orders/s on %s (%d cores, load average %s)".formatted(Report.number(rate),
                    machine.cpu(), machine.cores(), machine.loadBefore()));
            stack.startInfrastructure();
            say.accept("starting the five services (service output: " + out.resolve("stack.log") + ")");
            stack.startServices();
            SystemLoad.Probe result = new SystemLoad(stack, Plan.probe(), say).probe(rate);
            String table = Report.probeMarkdown(result.result(), result.idleMillisPerSecond(), machine,
                    Machine.loadAverage());
            write(out.resolve("probe.md"), table);
            table.lines().forEach(say);
            return table;
        });
    }

    /** What is done with a stack, telling the console how it goes. */
    private interface StackWork<T> {
        T with(BenchmarkStack stack, Consumer<String> say);
    }

    /**
     * A stack of its own in {@code out/data}, deleted afterwards, for the work. The services' output goes to
     * {@code out/stack.log} meanwhile; the console shows only the benchmark's own lines.
     */
    private static <T> T onFreshStack(Path repositoryRoot, Path out, StackWork<T> work) {
        PrintStream console = System.out;
        Path data = out.resolve("data");
        BenchmarkStack.deleteRecursively(data);
        PrintStream stackLog = openLog(out.resolve("stack.log"));
        System.setOut(stackLog);
        try (BenchmarkStack stack = new BenchmarkStack(repositoryRoot, data)) {
            return work.with(stack, line -> say(console, line));
        } finally {
            System.setOut(console);
            stackLog.close();
            BenchmarkStack.deleteRecursively(data);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    private static void say(PrintStream console, String line) {
        console.println("benchmark | " + line);
    }

    private static PrintStream openLog(Path file) {
        try {
            Files.createDirectories(file.getParent());
            return new PrintStream(new FileOutputStream(file.toFile()), true, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open " + file, e);
        }
    }
}
