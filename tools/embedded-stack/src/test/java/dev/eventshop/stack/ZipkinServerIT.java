package dev.eventshop.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipkinServerIT {

    /** Where this module's build puts the server's jar, before integration tests run. */
    private static final Path JAR = Path.of("target/zipkin/zipkin-server.jar");
    /** Zipkin accepts spans at once and stores them a moment later. */
    private static final Duration STORED = Duration.ofSeconds(10);
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_ID = "00f067aa0ba902b7";

    @TempDir
    Path dataDir;
    private ZipkinServer zipkin;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (zipkin != null) {
            zipkin.stop();
        }
    }

    @Test
    void a_span_sent_to_zipkin_can_be_read_back_as_its_trace_and_stop_leaves_nothing_listening() throws Exception {
        zipkin = new ZipkinServer(JAR, dataDir, 0);
        zipkin.start();
        zipkin.awaitReady();
        // Spans are kept in memory: a full heap must end the process, for the supervisor to restart it.
        assertThat(zipkin.process().orElseThrow().info().arguments().orElseThrow())
                .contains("-XX:+ExitOnOutOfMemoryError");

        HttpResponse<String> accepted = post(zipkin.spansEndpoint(), """
                [{"traceId": "%s", "id": "%s", "kind": "SERVER", "name": "place order",
                  "timestamp": %d, "duration": 1500, "localEndpoint": {"serviceName": "order-service"}}]
                """.formatted(TRACE_ID, SPAN_ID, ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now())));
        HttpResponse<String> trace = await().atMost(STORED)
                .until(() -> get(zipkin.url() + "/api/v2/trace/" + TRACE_ID), response -> response.statusCode() == 200);
        zipkin.stop();

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(trace.body()).contains("\"id\":\"" + SPAN_ID + "\"", "\"name\":\"place order\"",
                "\"serviceName\":\"order-service\"");
        // Armeria's own words for what it bound: the loopback address, not every interface.
        assertThat(Files.readString(zipkin.logFile())).contains("Serving HTTP at /127.0.0.1:" + zipkin.port());
        assertThat(zipkin.isRunning()).isFalse();
        assertThat(Ports.isInUse(zipkin.port())).isFalse();
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(process -> !Watchdog.isWatchdog(process))).isEmpty();
    }

    @Test
    void a_zipkin_that_cannot_take_its_port_fails_to_start_with_the_reason_from_its_log() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            zipkin = new ZipkinServer(JAR, dataDir, taken.getLocalPort());
            zipkin.start();

            StartupFailedException failure = catchThrowableOfType(StartupFailedException.class, zipkin::awaitReady);

            assertThat(failure).hasMessageStartingWith("Zipkin exited with code 1 before it was ready");
            assertThat(String.join("\n", failure.lastOutputLines())).contains("Address already in use");
        }
    }

    private HttpResponse<String> post(String url, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
