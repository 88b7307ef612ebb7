package dev.eventshop.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @TempDir
    Path directory;

    @Test
    void gives_every_figure_next_to_its_floor_and_their_ratio() {
        Report report = report();

        String markdown = report.markdown();

        assertThat(markdown)
                .contains("| highest sustainable rate | 40.0 orders/s | JDBC insert transactions/s | 2,000 | 0.02 |")
                .contains("| POST→202 p99 | 10.0 ms | JDBC insert transaction p99 | 2.00 | 5.00 |")
                .contains("| relay drain rate | 5,000 events/s | Kafka producer records/s | 50,000 | 0.1 |")
                .contains("| CPU ms, order-service | 3.00 |")
                .contains("| CPU ms, all processes | 5.00 |")
                .contains("![Latencies](benchmark-latency.svg)");
        assertThat(report.ratios()).hasSize(8);
        assertThat(report.json().path("ratios").get(0).path("ratio").asDouble()).isEqualTo(0.02);
    }

    @Test
    void says_how_many_records_the_consumers_received_per_order_and_per_fetch() {
        Report report = report();

        assertThat(report.markdown())
                .contains("| records delivered to the services' consumers (records per fetch) | 14.0 (1.02) |");
        assertThat(report.json().path("system").path("atHalfRate").path("recordsPerFetch").asDouble())
                .isEqualTo(1.02);
    }

    @Test
    void names_the_busiest_threads_of_each_process_with_their_cpu_per_order() {
        Report report = report();

        assertThat(report.markdown()).contains("| order-service | `http-nio-#-exec` | 1.50 |");
        assertThat(report.json().path("system").path("atHalfRate").path("busiestThreadsCpuMillisPerOrder")
                .path("order-service").path("http-nio-#-exec").asDouble()).isEqualTo(1.5);
    }

    @Test
    void rewrites_only_the_results_section_of_the_benchmarks_page() throws Exception {
        Path page = directory.resolve("benchmarks.md");
        Files.writeString(page, "# Benchmarks\n\nHow to run.\n\n" + Docs.START + "\n\nold figures\n\n" + Docs.END
                + "\n\nAfter.\n");

        Docs.update(directory, report());

        String text = Files.readString(page);
        assertThat(text).startsWith("# Benchmarks\n\nHow to run.\n\n" + Docs.START).endsWith(Docs.END + "\n\nAfter.\n")
                .doesNotContain("old figures")
                .contains("| highest sustainable rate | 40.0 orders/s")
                .contains("![Latencies](benchmarks/benchmark-latency.svg)");
        assertThat(directory.resolve("benchmarks").resolve(Report.LATENCY_CHART)).content().startsWith("<svg");
        assertThat(directory.resolve("benchmarks").resolve(Report.JSON_FILE)).exists();
        assertThat(directory.resolve("benchmarks").resolve("latest")).doesNotExist();
    }

    private static Report report() {
        Latency fast = new Latency(100, 1, 2, 3, 4);
        SystemStep.Result step = new SystemStep.Result(20, 60, 1200, 1200, 0, 0, 0, Map.of(), 1200, 0,
                Map.of("CONFIRMED", 960L, "OUT_OF_STOCK", 120L, "PAYMENT_DECLINED", 120L),
                new Latency(1200, 5, 10, 20, 30), new Latency(1200, 50, 80, 120, 150), 0.1, 0.5,
                Map.of("email-service", 0.5), 0.2, true, "sustainable");
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpu.put("order-service", 3.0);
        cpu.put("PostgreSQL", 2.0);
        return new Report(Plan.full(), Instant.parse("2026-11-30T04:00:00Z"), Duration.ofMinutes(25),
                new Machine("Some CPU", 2, 23_000, "6.1.0", "Eclipse Adoptium 25", "0.10 0.20 0.30"), "1.00 1.00 1.00",
                new Floors.Result(50_000, 1000, fast, 2000, fast),
                new SystemLoad.Result(List.of(step), 40, step, cpu,
                        Map.of("order-service", Map.of("http-nio-#-exec", 1.5)), 11, 6, 15, 14, 1.02),
                new RelayBenchmark.Result(100_000, 20, 5000, 1000, 990, new Latency(30_000, 6, 12, 20, 40)));
    }
}
