package dev.eventshop.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The child process one server of the stack runs: started one at a time, stopped on JVM exit unless its owner stops
 * it first, and waited for with a {@link Readiness}. Its output goes to a log file, which a failure to start points
 * at and quotes the end of, or to its owner, who then says which lines a failure quotes.
 */
final class ChildProcess {

    /** Enough for the cause at the end of a stack trace. */
    private static final int QUOTED_LOG_LINES = 30;

    private final String name;
    private final Duration stopGrace;
    private final @Nullable Path logFile;
    private final Supplier<List<String>> lastLines;
    private final Runnable afterStop;
    /** The process while it is ours: cleared by {@link #stop()}, or by {@link #forget} once it exits on its own. */
    private final AtomicReference<@Nullable Process> process = new AtomicReference<>();
    /** The last process started, kept after it exits: a wait reports how it ended. */
    private volatile @Nullable Process launched;
    private volatile ChildProcesses.@Nullable Registration stopOnExit;

    private ChildProcess(String name, Duration stopGrace, @Nullable Path logFile, Supplier<List<String>> lastLines,
            Runnable afterStop) {
        this.name = name;
        this.stopGrace = stopGrace;
        this.logFile = logFile;
        this.lastLines = lastLines;
        this.afterStop = afterStop;
    }

    /**
     * A process whose output is appended to {@code logFile}, after a line saying when it started.
     *
     * @param name what messages call it, and start with: {@code Zipkin}, {@code the SMTP server}
     * @param stopGrace how long it has to stop after SIGTERM before it is killed
     */
    static ChildProcess loggingTo(Path logFile, String name, Duration stopGrace) {
        return new ChildProcess(name, stopGrace, logFile, () -> LogFiles.lastLines(logFile, QUOTED_LOG_LINES),
                () -> { });
    }

    /**
     * A process whose output its owner reads from {@link Process#getInputStream()}.
     *
     * @param lastLines the lines a failure to start quotes
     * @param afterStop runs once {@link #stop()} has stopped it, for instance to let the owner finish printing its
     *     last words
     */
    static ChildProcess withOutputReadBy(String name, Duration stopGrace, Supplier<List<String>> lastLines,
            Runnable afterStop) {
        return new ChildProcess(name, stopGrace, null, lastLines, afterStop);
    }

    /** Starts the process and has it stopped on JVM exit; the owner checks first that none runs. */
    Process start(ProcessBuilder builder) {
        Process started;
        try {
            if (logFile != null) {
                Files.createDirectories(logFile.toAbsolutePath().getParent());
                Files.writeString(logFile, "----- " + Instant.now() + " starting " + name + " -----\n",
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            }
            started = builder.start();
        } catch (IOException e) {
            throw new StartupFailedException("Could not start " + name + ": " + e.getMessage(), e);
        }
        launched = started;
        process.set(started);
        Watchdog.watch(started.pid());
        stopOnExit = ChildProcesses.stopOnExit(name, this::stop);
        return started;
    }

    /**
     * A wait for the last process started to serve; it fails when that process is not ready within {@code timeout}.
     *
     * @param notReady what a failure says after the name once the time is up: {@code did not listen}
     */
    Readiness readiness(String notReady, Duration timeout, Duration pollInterval) {
        Process started = launched;
        if (started == null) {
            throw new IllegalStateException(name + " was never started");
        }
        return new Readiness(this, started, notReady, timeout, pollInterval);
    }

    /**
     * For an owner that watches the process exit on its own: lets go of it.
     *
     * @return whether it was still ours; false when {@link #stop()} took it first, and its exit is no news
     */
    boolean forget(Process exited) {
        boolean ours = process.compareAndSet(exited, null);
        if (ours) {
            Watchdog.release(exited.pid());
        }
        return ours;
    }

    /** Stops the process gracefully (SIGTERM), or kills it once the grace has passed. Idempotent. */
    void stop() {
        Process running = process.getAndSet(null);
        ChildProcesses.Registration registration = stopOnExit;
        if (registration != null) {
            registration.close();
        }
        if (running != null) {
            ChildProcesses.stop(running, stopGrace);
            Watchdog.release(running.pid());
            afterStop.run();
        }
    }

    /** The running process, for a test that makes it fail (a SIGKILL, a SIGSTOP); empty when it does not run. */
    Optional<ProcessHandle> handle() {
        Process running = process.get();
        return running != null && running.isAlive() ? Optional.of(running.toHandle()) : Optional.empty();
    }

    boolean isRunning() {
        Process running = process.get();
        return running != null && running.isAlive();
    }

    String name() {
        return name;
    }

    /**
     * A failure to start that names the process, says where its output is and carries its last lines.
     *
     * @param whatHappened follows the name: {@code exited with code 1}
     */
    StartupFailedException startupFailure(String whatHappened) {
        String whereToLook = logFile == null ? "" : "; its log is " + logFile;
        return new StartupFailedException(name + " " + whatHappened + whereToLook, lastLines.get());
    }
}
