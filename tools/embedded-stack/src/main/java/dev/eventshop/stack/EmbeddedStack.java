package dev.eventshop.stack;

import dev.eventshop.events.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The one-command local run of the whole system without Docker: PostgreSQL, Kafka and every built service as child
 * processes, started in order, checked for readiness, announced with a banner, restarted when one exits on its own
 * ({@link Supervisor}), and stopped in reverse order on Ctrl-C or SIGTERM. Not even a SIGKILL of the launcher leaves
 * a child behind ({@link Watchdog}). Run from the repository root (as {@code ./run-embedded} does); data stays in
 * {@code .eventshop/data} between runs.
 *
 * <p>The services inherit the launcher's environment, so {@code EVENTSHOP_*} and {@code SPRING_*} settings given to
 * the run command reach them. The launcher's wiring (each service's port, database, broker, SMTP server and Zipkin)
 * wins over the same variables in that environment; its defaults (the Kafka clients' log level) do not.
 */
public final class EmbeddedStack {

    static final int KAFKA_PORT = 9092;
    /** Not 5432, which a PostgreSQL installed on the machine would already have. */
    static final int POSTGRES_PORT = 15432;
    static final int SMTP_PORT = 3025;
    static final int SMTP_API_PORT = 8025;
    /** Put there by this module's build (see its pom), outside the launcher's class path. */
    static final Path SMTP_JAR = Path.of("tools/embedded-stack/target/smtp/greenmail-standalone.jar");
    static final int ZIPKIN_PORT = 9411;
    /** Put there by this module's build too. */
    static final Path ZIPKIN_JAR = Path.of("tools/embedded-stack/target/zipkin/zipkin-server.jar");

    private static final String DATA_DIR_MARKER = ".eventshop-data";

    private final List<Component> components;
    private final List<String> warnings;
    private final Path dataDir;
    private final boolean fresh;
    private final ConsolePrefix console = ConsolePrefix.forConsole("eventshop", Services.nameWidth());
    private final List<Component> started = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;
    private volatile @Nullable Supervisor supervisor;

    private EmbeddedStack(List<Component> components, List<String> warnings, Path dataDir, boolean fresh) {
        this.components = List.copyOf(components);
        this.warnings = List.copyOf(warnings);
        this.dataDir = dataDir;
        this.fresh = fresh;
    }

    public static void main(String[] args) throws InterruptedException {
        configureLogging();
        StackOptions options;
        try {
            options = StackOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(StackOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(StackOptions.USAGE);
            return;
        }
        EmbeddedStack stack = create(Path.of("").toAbsolutePath(), options, System.getenv());
        runUntilStopped(stack);
    }

    /** Runs the stack until this JVM is asked to stop, or exits with 1 when it cannot start. */
    static void runUntilStopped(EmbeddedStack stack) throws InterruptedException {
        int exitCode = stack.run();
        if (exitCode != 0) {
            if (!stack.stopping) {
                System.exit(exitCode);
            }
            return;
        }
        // Everything runs in child processes until Ctrl-C or SIGTERM, when the shutdown hook stops them.
        new CountDownLatch(1).await();
    }

    /**
     * The stack for a checkout of the repository: what runs, in start order. Add infrastructure here.
     *
     * @param launcherEnvironment the launcher's own environment, which the services inherit
     */
    static EmbeddedStack create(Path repositoryRoot, StackOptions options, Map<String, String> launcherEnvironment) {
        Path dataDir = repositoryRoot.resolve(options.dataDir()).normalize();
        PostgresServer postgres = new PostgresServer(dataDir.resolve("postgres"), POSTGRES_PORT);
        KafkaBroker kafka = new KafkaBroker(dataDir.resolve("kafka"), KAFKA_PORT);
        SmtpServer smtp = new SmtpServer(repositoryRoot.resolve(SMTP_JAR), dataDir.resolve("smtp"), SMTP_PORT,
                SMTP_API_PORT);
        ZipkinServer zipkin = new ZipkinServer(repositoryRoot.resolve(ZIPKIN_JAR), dataDir.resolve("zipkin"),
                ZIPKIN_PORT);
        List<Component> infrastructure = List.of(
                new PostgresComponent(postgres, Services.DATABASES),
                new KafkaComponent(kafka, Topics.ALL.stream().map(TopicSpec::of).toList()),
                new SmtpComponent(smtp),
                new ZipkinComponent(zipkin));

        Map<String, String> serviceEnvironment = new LinkedHashMap<>();
        if (!launcherEnvironment.containsKey("LOGGING_LEVEL_ORG_APACHE_KAFKA")) {
            // Every Kafka client logs its whole configuration at INFO: a hundred lines per consumer that would bury
            // the services' own output on the shared console.
            serviceEnvironment.put("LOGGING_LEVEL_ORG_APACHE_KAFKA", "WARN");
        }
        infrastructure.forEach(component -> serviceEnvironment.putAll(component.serviceEnvironment()));
        List<Component> components = new ArrayList<>(infrastructure);
        List<String> warnings = new ArrayList<>();
        for (ServiceSpec spec : Services.ALL) {
            Path jar = spec.jarIn(repositoryRoot);
            if (Files.isRegularFile(jar)) {
                components.add(new ServiceComponent(new ServiceProcess(spec, jar,
                        postgres.jdbcUrl(spec.database()), kafka.bootstrapServers(), serviceEnvironment)));
            } else {
                warnings.add(spec.name() + " is not built (no " + spec.jar() + "), so it does not run.");
            }
        }
        return new EmbeddedStack(components, warnings, dataDir, options.fresh());
    }

    /** A stack of exactly these components, for tests of the launcher itself. */
    static EmbeddedStack of(List<Component> components, Path dataDir) {
        return new EmbeddedStack(components, List.of(), dataDir, false);
    }

    /** Starts everything; 0 once all is ready, 1 (with the reason printed) when something could not start. */
    int run() {
        List<String> portsInUse = portsInUse();
        if (!portsInUse.isEmpty()) {
            portsInUse.forEach(System.err::println);
            return 1;
        }
        try {
            prepareDataDir();
        } catch (IllegalStateException | UncheckedIOException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        warnings.forEach(warning -> console.println("WARNING: " + warning));
        ChildProcesses.Registration stopOnExit = ChildProcesses.stopStackOnExit("eventshop", this::stopOnExit);
        // The JVM's start, not the process's: run-embedded execs java in the process that ran the build.
        Instant jvmStart = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        try {
            Map<Component, Instant> startedAt = new LinkedHashMap<>();
            for (Component component : components) {
                console.println("Starting " + component.name() + " on port "
                        + component.ports().stream().map(String::valueOf).collect(Collectors.joining(", ")));
                started.add(component);
                startedAt.put(component, Instant.now());
                component.start();
                if (component.readyOnceStarted()) {
                    console.println(component.name() + " is ready (" + since(startedAt.getOrDefault(component, Instant.now())) + ")");
                }
            }
            for (Component component : components) {
                if (!component.readyOnceStarted()) {
                    component.awaitReady();
                    console.println(component.name() + " is ready (" + since(startedAt.getOrDefault(component, Instant.now())) + ")");
                }
            }
        } catch (RuntimeException e) {
            if (stopping) {
                return 1;
            }
            reportStartupFailure(e);
            stopStarted();
            stopOnExit.close();
            return 1;
        }
        List<String> rows = components.stream().flatMap(component -> component.bannerLines().stream()).toList();
        List<String> bannerRows = Stream.concat(rows.stream(),
                Stream.of(Banner.row("Data", dataDir + "  (kept between runs; --fresh starts empty)"))).toList();
        System.out.print(Banner.render(Duration.between(jvmStart, Instant.now()), bannerRows, warnings));
        synchronized (this) {
            if (!stopping) {
                supervisor = new Supervisor(components.stream()
                        .map(component -> new Supervisor.Part(component.name(), component::isRunning, () -> {
                            component.stop();
                            component.start();
                        }))
                        .toList(), console::println);
            }
        }
        return 0;
    }

    Map<String, String> serviceEnvironment(String service) {
        return components.stream()
                .filter(component -> component instanceof ServiceComponent && component.name().equals(service))
                .map(component -> ((ServiceComponent) component).environment())
                .findFirst()
                .orElseThrow();
    }

    List<String> componentNames() {
        return components.stream().map(Component::name).toList();
    }

    List<String> warnings() {
        return warnings;
    }

    private static String since(Instant start) {
        return Banner.seconds(Duration.between(start, Instant.now()));
    }

    private List<String> portsInUse() {
        return components.stream()
                .flatMap(component -> component.ports().stream()
                        .filter(Ports::isInUse)
                        .map(port -> "Port " + port + " is already in use (" + component.name()
                                + "). Stop what is using it (lsof -i :" + port + " shows what) and start again."))
                .toList();
    }

    private void prepareDataDir() {
        try {
            if (fresh && Files.exists(dataDir)) {
                wipe();
            }
            Files.createDirectories(dataDir);
            Path marker = dataDir.resolve(DATA_DIR_MARKER);
            if (!Files.exists(marker)) {
                Files.writeString(marker, "Data of eventshop's embedded stack; run-embedded --fresh deletes it.\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the data directory " + dataDir + ": " + e.getMessage(),
                    e);
        }
    }

    private void wipe() throws IOException {
        boolean ours = Files.exists(dataDir.resolve(DATA_DIR_MARKER));
        try (Stream<Path> entries = Files.list(dataDir)) {
            // --fresh deletes recursively; a mistyped --data-dir must not cost someone their files.
            if (!ours && entries.findAny().isPresent()) {
                throw new IllegalStateException("Not wiping " + dataDir + ": it has no " + DATA_DIR_MARKER
                        + " file, so it may not be an eventshop data directory.");
            }
        }
        console.println("Deleting " + dataDir + " (--fresh)");
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private void reportStartupFailure(RuntimeException e) {
        System.err.println();
        System.err.println("eventshop could not start: " + e.getMessage());
        if (e instanceof StartupFailedException failure && !failure.lastOutputLines().isEmpty()) {
            System.err.println("Its last lines of output:");
            failure.lastOutputLines().forEach(line -> System.err.println("    " + line));
        } else if (!(e instanceof StartupFailedException)) {
            e.printStackTrace();
        }
        System.err.println("Stopping what had started.");
    }

    private void stopOnExit() {
        Supervisor running;
        synchronized (this) {
            stopping = true;
            running = supervisor;
        }
        if (running != null) {
            // First, so that nothing is restarted while it is being stopped.
            running.close();
        }
        System.out.println();
        console.println("Stopping (services, then Kafka, then PostgreSQL)");
        stopStarted();
        console.println("Stopped. Data is kept in " + dataDir + ".");
    }

    private void stopStarted() {
        List<Component> toStop = new ArrayList<>(started);
        started.clear();
        for (Component component : toStop.reversed()) {
            Instant start = Instant.now();
            try {
                component.stop();
                console.println(component.name() + " stopped (" + since(start) + ")");
            } catch (RuntimeException e) {
                console.println("Could not stop " + component.name() + " cleanly: " + e.getMessage());
            }
        }
    }

    /** Library chatter would drown the services' output; warnings and errors still show. */
    private static void configureLogging() {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // The admin client warns on every retry while a broker is away, which is expected while it starts.
        setIfAbsent("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
