package dev.eventshop.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure no child outlives this JVM, even when it is killed with SIGKILL and no shutdown hook runs: a small shell
 * process, started with the first child, reads the pids of the children on its standard input. Only this JVM holds
 * the other end of that pipe (a child started by {@link ProcessBuilder} gets no descriptors but its standard three),
 * so the input ends exactly when this JVM is gone. The watchdog then sends SIGTERM to every child still listed, and
 * SIGKILL to those still there 10 s later. A child stopped by this JVM is taken off the list first.
 *
 * <p>Each child is signalled as a process group, since it leads one: the JVMs run under {@code setsid} and PostgreSQL's
 * {@code pg_ctl} starts the server in a session of its own, so the group holds the server's backends too. Where a
 * child leads no group (macOS, which has no {@code setsid}) the child alone is signalled. The watchdog ignores SIGINT,
 * SIGTERM and SIGHUP: Ctrl-C in a terminal signals the whole foreground group, and the launcher, not the watchdog,
 * stops the children then, in order.
 */
final class Watchdog {

    private static final Logger log = LoggerFactory.getLogger(Watchdog.class);

    /** {@code +<pid>} lists a child, {@code -<pid>} takes it off; end of input means this JVM has gone. */
    static final String SCRIPT = """
            trap '' INT TERM HUP
            pids=""
            while IFS= read -r line; do
              case "$line" in
                +*) pids="$pids ${line#+}" ;;
                -*) kept=""; for pid in $pids; do [ "$pid" = "${line#-}" ] || kept="$kept $pid"; done; pids=$kept ;;
              esac
            done
            [ -n "$pids" ] || exit 0
            for pid in $pids; do kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null; done
            waited=0
            while [ $waited -lt 20 ]; do
              alive=""
              for pid in $pids; do kill -0 "$pid" 2>/dev/null && alive="$alive $pid"; done
              [ -n "$alive" ] || exit 0
              sleep 0.5
              waited=$((waited + 1))
            done
            for pid in $pids; do kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null; done
            """;

    private static final Object LOCK = new Object();
    private static @Nullable OutputStream pids;
    private static @Nullable Process watchdog;
    private static boolean unavailable;

    private Watchdog() {
    }

    /** Has the process (and its group) stopped once this JVM is gone, unless {@link #release} is called first. */
    static void watch(long pid) {
        send("+" + pid);
    }

    /** The process is stopped, or no longer ours: its pid may be reused, so it must not be signalled any more. */
    static void release(long pid) {
        send("-" + pid);
    }

    /** Whether the process is this JVM's watchdog, which lives as long as this JVM: for tests that count children. */
    static boolean isWatchdog(ProcessHandle process) {
        synchronized (LOCK) {
            return watchdog != null && watchdog.pid() == process.pid();
        }
    }

    private static void send(String line) {
        synchronized (LOCK) {
            OutputStream out = pids != null ? pids : start();
            if (out == null) {
                return;
            }
            try {
                out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                log.warn("The watchdog that stops the children should this JVM be killed is gone ({}); children may"
                        + " outlive a SIGKILL of this JVM", e.toString());
                pids = null;
                unavailable = true;
            }
        }
    }

    private static @Nullable OutputStream start() {
        if (unavailable) {
            return null;
        }
        List<String> command = new ArrayList<>();
        ChildProcesses.setsid().ifPresent(setsid -> command.add(setsid.toString()));
        command.addAll(List.of("/bin/sh", "-c", SCRIPT));
        try {
            Process started = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            watchdog = started;
            pids = started.getOutputStream();
            return pids;
        } catch (IOException e) {
            log.warn("Could not start the watchdog that stops the children should this JVM be killed ({}); they may"
                    + " outlive a SIGKILL of this JVM", e.toString());
            unavailable = true;
            return null;
        }
    }
}
