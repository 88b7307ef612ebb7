package dev.eventshop.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service's telemetry leaves it by configuration alone: the same code sends spans to a Zipkin server (the embedded
 * stack) or spans and log lines over OTLP (compose, Kubernetes), with the property names those modes set.
 */
class TelemetryExportIT {

    private static final Logger log = LoggerFactory.getLogger(TelemetryExportIT.class);
    private static final Duration EXPORTED = Duration.ofSeconds(20);
    private static final TelemetryReceiver backend = new TelemetryReceiver();

    @AfterAll
    static void stopTheBackend() {
        backend.close();
    }

    @Nested
    @SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "management.tracing.sampling.probability=1.0",
        "management.opentelemetry.tracing.export.schedule-delay=100ms",
        "management.opentelemetry.logging.export.schedule-delay=100ms",
    })
    class OverOtlp {

        @DynamicPropertySource
        static void otlpEndpoints(DynamicPropertyRegistry registry) {
            registry.add("management.opentelemetry.tracing.export.otlp.endpoint", () -> backend.url("/v1/traces"));
            registry.add("management.opentelemetry.logging.export.otlp.endpoint", () -> backend.url("/v1/logs"));
        }

        @Autowired
        Tracer tracer;

        @Test
        void spans_and_log_lines_with_their_trace_and_mdc_go_to_the_otlp_endpoints() {
            String spanName = "otlp-span-" + UUID.randomUUID();
            String message = "a line inside " + spanName;
            String orderId = UUID.randomUUID().toString();
            Span span = tracer.nextSpan().name(spanName).start();
            try (Tracer.SpanInScope ignored = tracer.withSpan(span);
                    MDC.MDCCloseable order = MDC.putCloseable("orderId", orderId)) {
                log.info(message);
            } finally {
                span.end();
            }

            await().atMost(EXPORTED).untilAsserted(() -> {
                assertThat(backend.receivedAt("/v1/traces", spanName)).as("the span, over OTLP").isTrue();
                assertThat(backend.receivedAt("/v1/logs", message)).as("the log line, over OTLP").isTrue();
            });
            assertThat(backend.receivedAt("/v1/logs", orderId)).as("the line's order id, from the MDC").isTrue();
        }
    }

    @Nested
    @SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "management.tracing.sampling.probability=1.0",
        "management.tracing.export.zipkin.enabled=true",
        "management.opentelemetry.tracing.export.schedule-delay=100ms",
    })
    class ToZipkin {

        @DynamicPropertySource
        static void zipkinEndpoint(DynamicPropertyRegistry registry) {
            registry.add("management.tracing.export.zipkin.endpoint", () -> backend.url("/api/v2/spans"));
        }

        @Autowired
        Tracer tracer;

        @Test
        void spans_go_to_the_zipkin_server_in_its_own_format() {
            String spanName = "zipkin-span-" + UUID.randomUUID();

            tracer.nextSpan().name(spanName).start().end();

            await().atMost(EXPORTED).until(() -> backend.receivedAt("/api/v2/spans", spanName));
        }
    }
}
