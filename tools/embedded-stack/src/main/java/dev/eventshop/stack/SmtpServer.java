package dev.eventshop.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real SMTP server for the local stack: GreenMail's standalone server as a child JVM, accepting mail for any address
 * and keeping it in memory, with a REST API (and a page describing it) to read what arrived.
 */
public final class SmtpServer extends ChildProcessServer {

    private static final String LOG_FILE = "smtp.log";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Path jar;
    private final Path dataDir;
    private final int smtpPort;
    private final int apiPort;

    /** Ports 0 pick free ones, kept across restarts. */
    public SmtpServer(Path jar, Path dataDir, int smtpPort, int apiPort) {
        super(ChildProcess.loggingTo(dataDir.resolve(LOG_FILE), "the SMTP server", STOP_GRACE));
        this.jar = jar.toAbsolutePath();
        this.dataDir = dataDir;
        this.smtpPort = smtpPort == 0 ? Ports.findFree() : smtpPort;
        this.apiPort = apiPort == 0 ? Ports.findFree() : apiPort;
    }

    /** Starts the server and returns once it accepts SMTP connections and its API answers. */
    public synchronized void start() {
        if (isRunning()) {
            throw new IllegalStateException("the SMTP server is already running on port " + smtpPort);
        }
        List<String> arguments = List.of(
                // GreenMail keeps every email in memory, about 8 KB each: 128 MB was full after 14,285 of them in
                // the longer chaos soak, and the server then took no more mail. A full heap now ends the process,
                // which the supervisor restarts with an empty inbox, instead of leaving a server that answers nothing.
                "-Xms32m", "-Xmx384m", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dgreenmail.smtp.hostname=127.0.0.1",
                "-Dgreenmail.smtp.port=" + smtpPort,
                // Any address is accepted and gets a mailbox on first delivery.
                "-Dgreenmail.auth.disabled",
                "-Dgreenmail.api.hostname=127.0.0.1",
                "-Dgreenmail.api.port=" + apiPort,
                "-jar", jar.toString());
        child.start(new ProcessBuilder(ChildProcesses.javaCommand(arguments)).directory(dataDir.toFile()));
        child.readiness("did not listen", START_TIMEOUT, POLL_INTERVAL).await(() ->
                Ports.acceptsConnections("localhost", smtpPort) && Ports.acceptsConnections("localhost", apiPort));
    }

    @Override
    public List<Integer> ports() {
        return List.of(smtpPort, apiPort);
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** The REST API, for instance {@code <api>/api/user/alice@customers.eventshop.test/messages/INBOX}. */
    public String apiUrl() {
        return "http://localhost:" + apiPort;
    }

    public int apiPort() {
        return apiPort;
    }

    public Path logFile() {
        return dataDir.resolve(LOG_FILE);
    }
}
