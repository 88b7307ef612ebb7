package dev.eventshop.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of the stack's processes from {@code /proc/<pid>/stat}: user plus system time of a process, plus that of
 * its children it has waited for ({@code cutime}, {@code cstime}) and of its live descendants. PostgreSQL forks a
 * backend per connection; the postmaster reaps them, so their time shows in its {@code cutime} once they end.
 */
final class ProcessCpu {

    /** What the kernel counts CPU time in; 100 a second on every common Linux ({@code getconf CLK_TCK}). */
    private static final long TICKS_PER_SECOND = ticksPerSecond();

    /** How a process is counted: with its descendants, or alone (the benchmark's own JVM is the stack's parent). */
    enum Scope { TREE, SELF }

    /** A process to watch, by the name the report gives it. */
    record Watched(String name, long pid, Scope scope) {
    }

    private ProcessCpu() {
    }

    /** CPU milliseconds of each watched process so far; a process that has gone counts 0. */
    static Map<String, Long> millis(Iterable<Watched> processes) {
        Map<String, Long> millis = new LinkedHashMap<>();
        for (Watched process : processes) {
            long ticks = ownTicks(process.pid(), process.scope() == Scope.TREE);
            if (process.scope() == Scope.TREE) {
                ticks += ProcessHandle.of(process.pid()).stream()
                        .flatMap(ProcessHandle::descendants)
                        .mapToLong(descendant -> ownTicks(descendant.pid(), true))
                        .sum();
            }
            millis.put(process.name(), ticks * 1000 / TICKS_PER_SECOND);
        }
        return millis;
    }

    /**
     * CPU milliseconds of each watched process's own threads so far (not its descendants'), summed by thread name:
     * the name as the kernel keeps it (its first 15 characters, which a JVM sets from the Java thread's name), numbers
     * as {@code #}, so that a pool's threads count as one. A thread that has ended is no longer counted.
     */
    static Map<String, Map<String, Long>> threadMillis(Iterable<Watched> processes) {
        Map<String, Map<String, Long>> millis = new LinkedHashMap<>();
        for (Watched process : processes) {
            Map<String, Long> threads = new TreeMap<>();
            try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
                tasks.forEach(task -> {
                    String stat = read(task.resolve("stat"));
                    if (!stat.isEmpty()) {
                        String name = threadName(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
                        threads.merge(name, ticks(stat, false) * 1000 / TICKS_PER_SECOND, Long::sum);
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                // Gone: nothing to count.
            }
            millis.put(process.name(), threads);
        }
        return millis;
    }

    /** A thread's name with its numbers as {@code #}: {@code http-nio-8081-exec-3} and {@code -7} are one pool. */
    static String threadName(String kernelName) {
        return kernelName.replaceAll("[0-9]+", "#");
    }

    static boolean available() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }

    /** utime + stime (fields 14 and 15), and cutime + cstime (16 and 17) when children count. */
    private static long ownTicks(long pid, boolean withReapedChildren) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        return stat.isEmpty() ? 0 : ticks(stat, withReapedChildren);
    }

    private static long ticks(String stat, boolean withReapedChildren) {
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // fields[0] is field 3 (state): field n is fields[n - 3].
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        if (withReapedChildren) {
            ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        }
        return ticks;
    }

    /** The file's text, or empty when the process or thread is gone. */
    private static String read(Path stat) {
        try {
            return Files.readString(stat, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return "";
        }
    }

    private static long ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
