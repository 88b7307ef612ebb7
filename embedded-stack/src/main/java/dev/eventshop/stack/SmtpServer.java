package dev.eventshop.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A real SMTP server for the local stack: GreenMail's standalone server as a child JVM, accepting mail for any address
 * and keeping it in memory, with a REST API (and a page describing it) to read what arrived.
 */
public final class SmtpServer {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Path jar;
    private final Path dataDir;
    private final int smtpPort;
    private final int apiPort;
    private final AtomicReference<@Nullable Process> process = new AtomicReference<>();
    private volatile ChildProcesses.@Nullable Registration stopOnExit;

    /** Ports 0 pick free ones, kept across restarts. */
    public SmtpServer(Path jar, Path dataDir, int smtpPort, int apiPort) {
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
                "-Xms32m", "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dgreenmail.smtp.hostname=127.0.0.1",
                "-Dgreenmail.smtp.port=" + smtpPort,
                // Any address is accepted and gets a mailbox on first delivery.
                "-Dgreenmail.auth.disabled",
                "-Dgreenmail.api.hostname=127.0.0.1",
                "-Dgreenmail.api.port=" + apiPort,
                "-jar", jar.toString());
        try {
            Files.createDirectories(dataDir);
            Files.writeString(logFile(), "----- " + Instant.now() + " starting SMTP on " + smtpPort + " -----\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Process started = new ProcessBuilder(ChildProcesses.javaCommand(arguments))
                    .directory(dataDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start();
            process.set(started);
            stopOnExit = ChildProcesses.stopOnExit("SMTP", this::stop);
            awaitReady(started);
        } catch (IOException e) {
            throw new StartupFailedException("Could not start the SMTP server: " + e.getMessage(), e);
        }
    }

    private void awaitReady(Process started) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try {
            while (!(Ports.acceptsConnections("localhost", smtpPort) && Ports.acceptsConnections("localhost", apiPort))) {
                if (!started.isAlive()) {
                    throw new StartupFailedException("The SMTP server exited with code " + started.exitValue()
                            + " while starting; its log is " + logFile(), LogFiles.lastLines(logFile(), 30));
                }
                if (System.nanoTime() > deadline) {
                    stop();
                    throw new StartupFailedException("The SMTP server did not listen within "
                            + START_TIMEOUT.toSeconds() + " s; its log is " + logFile(),
                            LogFiles.lastLines(logFile(), 30));
                }
                Thread.sleep(POLL_INTERVAL);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new StartupFailedException("Interrupted while waiting for the SMTP server to start", e);
        }
    }

    /** Stops the server; the mail it held is gone. Idempotent. */
    public void stop() {
        Process running = process.getAndSet(null);
        ChildProcesses.Registration registration = stopOnExit;
        if (registration != null) {
            registration.close();
        }
        if (running != null) {
            ChildProcesses.stop(running, STOP_GRACE);
        }
    }

    public boolean isRunning() {
        Process running = process.get();
        return running != null && running.isAlive();
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
        return dataDir.resolve("smtp.log");
    }
}
