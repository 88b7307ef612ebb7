package dev.eventshop.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker (KRaft, broker and controller in one) running as a child JVM, with its data in a
 * directory of its own, so that it can be stopped and started again with everything it held: for the local stack,
 * and for tests that need a real broker, or one that goes away and comes back.
 *
 * <p>Topics are never created automatically and records are kept forever: an analytics rebuild re-reads every topic.
 * The broker's output goes to {@code kafka.log} in the data directory.
 */
public final class KafkaBroker {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

    /** Generous: a restart after a SIGKILL recovers its logs first, perhaps while five services start beside it. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final int NODE_ID = 1;
    private static final String LOGBACK_CONFIGURATION = """
            <configuration>
              <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{yyyy-MM-dd'T'HH:mm:ss.SSS} %-5level [%thread] %logger - %msg%n</pattern></encoder>
              </appender>
              <root level="INFO"><appender-ref ref="OUT"/></root>
            </configuration>
            """;

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final ChildProcess child;

    /**
     * @param dataDir where the broker keeps its configuration, its log segments and {@code kafka.log}; created if
     *     missing, formatted on first start
     * @param port the client (PLAINTEXT) port on localhost; 0 picks a free one, kept across restarts
     */
    public KafkaBroker(Path dataDir, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("not a TCP port: " + port);
        }
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port == 0 ? Ports.findFree() : port;
        int controller = Ports.findFree();
        while (controller == this.port) {
            controller = Ports.findFree();
        }
        this.controllerPort = controller;
        this.child = ChildProcess.loggingTo(logFile(), "Kafka", STOP_GRACE);
    }

    /**
     * Formats the storage if this data directory has never held a broker, starts the broker and returns once it
     * answers clients.
     *
     * @throws StartupFailedException with the end of {@code kafka.log} when it exits or is not ready within 3 minutes
     */
    public synchronized void start() {
        if (isRunning()) {
            throw new IllegalStateException("Kafka is already running on " + bootstrapServers());
        }
        Path config = writeConfiguration();
        if (!Files.exists(logDir().resolve("meta.properties"))) {
            format(config);
        }
        launch(config);
        awaitReady();
    }

    /** Stops the broker gracefully (SIGTERM, so it closes its logs cleanly), or kills it after 30 s. Idempotent. */
    public void stop() {
        child.stop();
    }

    public boolean isRunning() {
        return child.isRunning();
    }

    /**
     * The running process, for a test that makes it fail: a SIGKILL ({@link ProcessHandle#destroyForcibly()}), a
     * SIGSTOP. Empty when it does not run.
     */
    public Optional<ProcessHandle> process() {
        return child.handle();
    }

    /** {@code localhost:<port>}, valid before the first start too. */
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** The broker's console output, appended to on every start. */
    public Path logFile() {
        return dataDir.resolve("kafka.log");
    }

    /**
     * Creates the topics with replication factor 1, compacted where asked. Topics that already exist are left as
     * they are, so this can run on every start.
     */
    public void createTopics(List<TopicSpec> topics) {
        List<NewTopic> newTopics = topics.stream()
                .map(topic -> new NewTopic(topic.name(), topic.partitions(), (short) 1)
                        .configs(topic.compacted()
                                ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                                : Map.of()))
                .toList();
        try (Admin admin = Admin.create(adminProperties())) {
            for (var result : admin.createTopics(newTopics).values().entrySet()) {
                try {
                    result.getValue().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException(
                                "could not create topic " + result.getKey() + ": " + e.getMessage(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka on " + bootstrapServers() + " did not create the topics within "
                    + ADMIN_TIMEOUT.toSeconds() + " s", e);
        }
    }

    private Path logDir() {
        return dataDir.resolve("kraft-combined-logs");
    }

    private Path writeConfiguration() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", String.valueOf(NODE_ID));
        // A static quorum of this one node: its controller port may then differ from one start to the next.
        settings.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        settings.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("log.dirs", logDir().toString());
        // Topics are part of the system's contract; a typo in a topic name must fail, not create a new topic.
        settings.put("auto.create.topics.enable", "false");
        settings.put("offsets.topic.replication.factor", "1");
        // Fewer partitions than the default 50 for the internal topics: a first consumer group or transaction on a
        // small machine is then ready in a moment.
        settings.put("offsets.topic.num.partitions", "5");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("transaction.state.log.num.partitions", "5");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("group.initial.rebalance.delay.ms", "0");
        // Keep every record: an analytics rebuild re-reads all topics from the start.
        settings.put("log.retention.ms", "-1");
        String content = settings.entrySet().stream()
                .map(setting -> setting.getKey() + "=" + setting.getValue())
                .collect(Collectors.joining("\n", "# Written by " + KafkaBroker.class.getName()
                        + " on every start.\n", "\n"));
        try {
            Files.createDirectories(dataDir);
            Path config = dataDir.resolve("server.properties");
            Files.writeString(config, content);
            Files.writeString(dataDir.resolve("logback.xml"), LOGBACK_CONFIGURATION);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the Kafka configuration into " + dataDir, e);
        }
    }

    private void format(Path config) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(new String[] {
                "format", "--config", config.toString(), "--cluster-id", Uuid.randomUuid().toString()}, out);
        } catch (RuntimeException e) {
            throw new StartupFailedException("Could not format Kafka storage in " + logDir() + ": " + e.getMessage(),
                    output.toString(StandardCharsets.UTF_8).lines().toList());
        }
        if (exitCode != 0) {
            throw new StartupFailedException("Could not format Kafka storage in " + logDir() + " (exit code "
                    + exitCode + ")", output.toString(StandardCharsets.UTF_8).lines().toList());
        }
    }

    private void launch(Path config) {
        List<String> arguments = List.of(
                "-Xms64m", "-Xmx512m",
                // Many JVMs share what may be a two-core laptop: a single-threaded collector and the quick compiler
                // alone suit a broker with little data, and it starts in about half the time.
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:+ExitOnOutOfMemoryError",
                "-Djava.awt.headless=true",
                // The child gets this JVM's class path, with whichever SLF4J binding it has: the launcher's
                // slf4j-simple, or Logback in another module's tests (whose default level, DEBUG, is far too chatty).
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS",
                "-Dorg.slf4j.simpleLogger.logFile=System.out",
                "-Dlogback.configurationFile=" + dataDir.resolve("logback.xml"),
                "-cp", ChildProcesses.classPath(),
                "kafka.Kafka", config.toString());
        Process started = child.start(new ProcessBuilder(ChildProcesses.javaCommand(arguments))
                .directory(dataDir.toFile()));
        started.onExit().thenAccept(exited -> {
            if (child.forget(exited)) {
                log.warn("Kafka on {} exited on its own with code {}; see {}", bootstrapServers(),
                        exited.exitValue(), logFile());
            }
        });
    }

    private void awaitReady() {
        Readiness readiness = child.readiness("did not answer on " + bootstrapServers(), START_TIMEOUT,
                POLL_INTERVAL);
        // Wait for the port first: an AdminClient polling a closed port logs a warning on every attempt.
        readiness.await(() -> Ports.acceptsConnections("localhost", port));
        try (Admin admin = Admin.create(adminProperties())) {
            readiness.await(() -> describesCluster(admin));
        }
    }

    private static boolean describesCluster(Admin admin) throws InterruptedException {
        try {
            admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private Properties adminProperties() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "embedded-stack");
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(ADMIN_TIMEOUT.toMillis()));
        return properties;
    }
}
