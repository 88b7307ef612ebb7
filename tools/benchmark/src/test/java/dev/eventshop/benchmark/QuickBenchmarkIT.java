package dev.eventshop.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's quick mode, as CI runs it: it proves that every part runs against the real embedded stack and
 * reports every figure, never how fast anything is (the machine running the build may be busy with other things).
 */
class QuickBenchmarkIT {

    private static final Path OUT = Path.of("target", "benchmark-quick").toAbsolutePath();
    private static JsonNode report;

    @BeforeAll
    static void runTheQuickBenchmark() throws Exception {
        // failsafe runs in tools/benchmark
        Path repositoryRoot = Path.of("").toAbsolutePath().getParent().getParent();
        Benchmark.run(repositoryRoot, Plan.quick(), OUT);
        report = JsonMapper.builder().build().readTree(Files.readString(OUT.resolve(Report.JSON_FILE)));
    }

    @Test
    void writes_the_report_as_json_markdown_and_two_charts() throws Exception {
        assertThat(OUT.resolve(Report.MARKDOWN_FILE)).content().contains("| highest sustainable rate |", "floor");
        assertThat(OUT.resolve(Report.LATENCY_CHART)).content().startsWith("<svg").contains("POST→202 p99");
        assertThat(OUT.resolve(Report.RATIO_CHART)).content().startsWith("<svg");
        assertThat(report.path("mode").asString()).isEqualTo("quick");
        assertThat(report.path("machine").path("cores").asInt()).isPositive();
    }

    @Test
    void measures_the_floors_of_the_machine() {
        JsonNode floors = report.path("floors");
        assertThat(floors.path("kafkaProducer").path("recordsPerSecond").asDouble()).isPositive();
        assertOrdered(floors.path("kafkaProducer").path("sendToAckAtFixedRate"));
        assertThat(floors.path("jdbcInsertTransaction").path("transactionsPerSecond").asDouble()).isPositive();
        assertOrdered(floors.path("jdbcInsertTransaction").path("latency"));
    }

    @Test
    void carries_orders_of_every_outcome_to_their_final_status_at_half_the_highest_sustainable_rate() {
        JsonNode system = report.path("system");
        assertThat(system.path("search").size()).isPositive();
        JsonNode half = system.path("atHalfRate");
        assertThat(half.path("rate").asDouble()).isPositive();
        assertThat(half.path("final").asLong()).isPositive().isEqualTo(half.path("accepted").asLong());
        assertThat(half.path("unexpectedOutcomes").asLong()).isZero();
        assertThat(half.path("notAccepted").isObject()).isTrue();
        assertThat(fieldNames(half.path("outcomes")))
                .containsExactlyInAnyOrder("CONFIRMED", "OUT_OF_STOCK", "PAYMENT_DECLINED");
        assertOrdered(half.path("postToAccepted"));
        assertOrdered(half.path("postToFinal"));
        assertThat(half.path("postToFinal").path("p50Ms").asDouble())
                .isGreaterThanOrEqualTo(half.path("postToAccepted").path("p50Ms").asDouble());
        assertThat(half.path("kafkaRecordsPerOrder").asDouble()).isPositive();
        assertThat(half.path("busiestThreadsCpuMillisPerOrder").path("order-service").size()).isPositive();
        assertThat(half.path("transactionsPerOrder").asDouble()).isPositive();
        // Each order is read by several services: more records delivered than appended.
        assertThat(half.path("recordsDeliveredPerOrder").asDouble())
                .isGreaterThan(half.path("kafkaRecordsPerOrder").asDouble());
        assertThat(half.path("recordsPerFetch").asDouble()).isPositive();
    }

    @Test
    void reads_the_cpu_time_of_every_process_of_the_stack() {
        JsonNode cpu = report.path("system").path("atHalfRate").path("cpuMillisPerOrder");
        assertThat(fieldNames(cpu)).containsExactly("order-service", "inventory-service", "payment-service",
                "email-service", "analytics-service", "Kafka", "PostgreSQL", "SMTP", "Zipkin",
                "launcher + load generator");
        cpu.properties().forEach(entry -> assertThat(entry.getValue().asDouble()).as(entry.getKey())
                .isGreaterThanOrEqualTo(0));
        assertThat(cpu.path("order-service").asDouble()).isPositive();
        assertThat(cpu.path("PostgreSQL").asDouble()).isPositive();
        assertThat(cpu.path("Kafka").asDouble()).isPositive();
    }

    @Test
    void drains_a_relay_backlog_and_times_commit_to_acknowledgement() {
        JsonNode relay = report.path("relay");
        assertThat(relay.path("backlog").asInt()).isEqualTo(Plan.quick().relayBacklog());
        assertThat(relay.path("drainPerSecond").asDouble()).isPositive();
        assertThat(relay.path("commitToAck").path("count").asLong()).isPositive();
        assertOrdered(relay.path("commitToAck"));
    }

    @Test
    void reports_every_figure_as_a_ratio_to_its_floor() {
        assertThat(report.path("ratios").size()).isEqualTo(8);
        report.path("ratios").forEach(ratio -> assertThat(ratio.path("floorValue").asDouble())
                .as(ratio.path("figure").asString()).isPositive());
    }

    private static void assertOrdered(JsonNode latency) {
        assertThat(latency.path("count").asLong()).isPositive();
        assertThat(latency.path("p50Ms").asDouble()).isPositive()
                .isLessThanOrEqualTo(latency.path("p99Ms").asDouble());
        assertThat(latency.path("p99Ms").asDouble()).isLessThanOrEqualTo(latency.path("maxMs").asDouble());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
