package dev.eventshop.stack;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts child JVMs and makes sure none of them outlives this one: a single shutdown hook first runs the whole-stack
 * stops (which stop their parts in order and say so), then stops every process still registered, newest first. When
 * no hook runs (SIGKILL), the {@link Watchdog} stops them.
 */
final class ChildProcesses {

    private static final Logger log = LoggerFactory.getLogger(ChildProcesses.class);
    private static final Duration FORCED_STOP_WAIT = Duration.ofSeconds(10);

    private static final Object LOCK = new Object();
    private static final List<Registration> STACKS = new ArrayList<>();
    private static final Deque<Registration> PROCESSES = new ArrayDeque<>();
    private static boolean hookInstalled;
    private static boolean exiting;

    private ChildProcesses() {
    }

    /**
     * A command line that runs {@code java} from the JDK running this JVM, in a session of its own where the platform
     * allows: Ctrl-C in a terminal signals the whole foreground process group, and the children must instead be
     * stopped by this JVM in order (services before Kafka before PostgreSQL).
     */
    static List<String> javaCommand(List<String> arguments) {
        List<String> command = new ArrayList<>();
        // A child of the JVM is never a process group leader, so setsid calls setsid(2) and execs in place: the pid
        // stays that of the java process, which is what Process.destroy() signals.
        setsid().ifPresent(setsid -> command.add(setsid.toString()));
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (Runtime.version().feature() >= 23) {
            // Kafka and Netty still use sun.misc.Unsafe; from JDK 24 on that prints a warning nobody here can act on.
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(arguments);
        return command;
    }

    /**
     * This JVM's class path with every entry made absolute, for a child that runs in another directory; entries
     * such as {@code lib/*} keep their wildcard.
     */
    static String classPath() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> entry.endsWith("*")
                        ? Path.of(entry.substring(0, entry.length() - 1)).toAbsolutePath() + File.separator + "*"
                        : Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** The {@code setsid} command, on Linux; macOS has none. */
    static Optional<Path> setsid() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        String path = System.getenv("PATH");
        List<String> directories = new ArrayList<>(List.of("/usr/bin", "/bin"));
        if (path != null) {
            directories.addAll(0, List.of(path.split(File.pathSeparator)));
        }
        return directories.stream()
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, "setsid"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * Stops the process (and anything it started) on JVM exit unless {@link Registration#close()} is called first.
     * When the JVM is already exiting, stops it right away and throws, so that nothing started late survives.
     */
    static Registration stopOnExit(String name, Runnable stop) {
        return register(new Registration(name, stop, false));
    }

    /** Runs {@code stop} on JVM exit before any single process is stopped; for a launcher that stops its parts. */
    static Registration stopStackOnExit(String name, Runnable stop) {
        return register(new Registration(name, stop, true));
    }

    private static Registration register(Registration registration) {
        synchronized (LOCK) {
            if (!exiting) {
                installHook();
                if (registration.stack) {
                    STACKS.add(registration);
                } else {
                    PROCESSES.push(registration);
                }
                return registration;
            }
        }
        registration.stop.run();
        throw new IllegalStateException("the JVM is shutting down; stopped " + registration.name + " again");
    }

    private static void installHook() {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::stopAll, "eventshop-stop-children"));
            hookInstalled = true;
        }
    }

    private static void stopAll() {
        List<Registration> toStop;
        synchronized (LOCK) {
            exiting = true;
            toStop = new ArrayList<>(STACKS);
            toStop.addAll(PROCESSES);
            STACKS.clear();
            PROCESSES.clear();
        }
        for (Registration registration : toStop) {
            try {
                registration.stop.run();
            } catch (RuntimeException e) {
                log.warn("Could not stop {} cleanly: {}", registration.name, e.toString());
            }
        }
    }

    /**
     * Asks the process to stop (SIGTERM), waits up to {@code grace} for it, then kills it and whatever it started.
     *
     * @return the exit code
     */
    static int stop(Process process, Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("pid {} did not stop within {} s of SIGTERM; killing it", process.pid(), grace.toSeconds());
                process.destroyForcibly();
                process.waitFor(FORCED_STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** A stop action to run on JVM exit; closing it means the owner has stopped the process itself. */
    static final class Registration implements AutoCloseable {

        private final String name;
        private final Runnable stop;
        private final boolean stack;

        private Registration(String name, Runnable stop, boolean stack) {
            this.name = name;
            this.stop = stop;
            this.stack = stack;
        }

        @Override
        public void close() {
            synchronized (LOCK) {
                STACKS.remove(this);
                PROCESSES.remove(this);
            }
        }
    }
}
