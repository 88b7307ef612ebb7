package dev.eventshop.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Zipkin for the local stack, where the services send their spans and a person follows one order across all
 * of them: Zipkin's executable jar as a child JVM, keeping traces in memory and listening on the loopback address
 * only.
 */
public final class ZipkinServer extends ChildProcessServer {

    private static final String LOG_FILE = "zipkin.log";
    /** About 7 s on its own; far longer while the services start beside it on a machine with two cores. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /** Zipkin's default of 500,000 spans would not fit in the heap below; the oldest traces go first. */
    private static final int MAX_SPANS = 20_000;

    private final Path jar;
    private final Path dataDir;
    private final int port;

    /** Port 0 picks a free one, kept across restarts. */
    public ZipkinServer(Path jar, Path dataDir, int port) {
        super(ChildProcess.loggingTo(dataDir.resolve(LOG_FILE), "Zipkin", STOP_GRACE));
        this.jar = jar.toAbsolutePath();
        this.dataDir = dataDir;
        this.port = port == 0 ? Ports.findFree() : port;
    }

    /** Launches the JVM and returns at once, so that others start meanwhile; {@link #awaitReady()} waits for it. */
    public synchronized void start() {
        if (isRunning()) {
            throw new IllegalStateException("Zipkin is already running on port " + port);
        }
        if (!Files.isRegularFile(jar)) {
            throw new StartupFailedException("There is no Zipkin jar at " + jar + "; build embedded-stack first",
                    List.of());
        }
        List<String> arguments = List.of(
                // 128 MB were full in the longer chaos soak, 20,000 spans and Zipkin's indexes of them; a full heap
                // ends the process, which the supervisor restarts, instead of leaving a Zipkin that takes no spans.
                "-Xms32m", "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toString(),
                // Setting one entry of Zipkin's list of ports replaces the whole list, so the entry is complete.
                "--armeria.ports[0].ip=127.0.0.1",
                "--armeria.ports[0].port=" + port,
                "--armeria.ports[0].protocols[0]=http",
                // Named although they are Zipkin's defaults: its settings also come from environment variables
                // (STORAGE_TYPE, KAFKA_BOOTSTRAP_SERVERS), which this process inherits and arguments win over.
                "--zipkin.storage.type=mem",
                "--zipkin.storage.mem.max-spans=" + MAX_SPANS,
                "--zipkin.collector.kafka.enabled=false");
        child.start(new ProcessBuilder(ChildProcesses.javaCommand(arguments)).directory(dataDir.toFile()));
    }

    /**
     * Polls {@code /health} until Zipkin says it is UP.
     *
     * @throws StartupFailedException with the end of its log when it exits, or when it is not up in time (it is
     *     stopped then)
     */
    public void awaitReady() {
        child.readiness("was not up on " + url() + "/health", START_TIMEOUT, POLL_INTERVAL)
                .await(Readiness.saysUp(url() + "/health"));
    }

    @Override
    public List<Integer> ports() {
        return List.of(port());
    }

    public int port() {
        return port;
    }

    /** The web UI is at {@code <url>/zipkin/}, the API under {@code <url>/api/v2/}. */
    public String url() {
        return "http://localhost:" + port;
    }

    /** Where services send their spans: Zipkin's v2 HTTP collector. */
    public String spansEndpoint() {
        return url() + "/api/v2/spans";
    }

    public Path logFile() {
        return dataDir.resolve(LOG_FILE);
    }
}
