package dev.eventshop.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine a run measured, from {@code /proc}: figures are only comparable on a described machine. */
record Machine(String cpu, int cores, long memoryMiB, String kernel, String jdk, String loadBefore) {

    static Machine describe() {
        List<String> cpuinfo = lines("/proc/cpuinfo");
        String model = cpuinfo.stream().filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        long memoryKiB = lines("/proc/meminfo").stream().filter(line -> line.startsWith("MemTotal:"))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).findFirst().orElse(0L);
        String kernel = lines("/proc/sys/kernel/osrelease").stream().findFirst().orElse(System.getProperty("os.version"));
        String jdk = System.getProperty("java.vm.vendor") + " " + Runtime.version();
        return new Machine(model, Runtime.getRuntime().availableProcessors(), memoryKiB / 1024, kernel, jdk,
                loadAverage());
    }

    /** The 1, 5 and 15 minute load averages: what else ran on the machine. */
    static String loadAverage() {
        String[] fields = lines("/proc/loadavg").stream().findFirst().orElse("? ? ?").split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of();
        }
    }
}
