package dev.eventshop.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ZipkinComponentTest {

    private final ZipkinComponent component = new ZipkinComponent(
            new ZipkinServer(Path.of("zipkin-server.jar"), Path.of("data/zipkin"), 9411));

    @Test
    void every_service_is_told_to_export_its_spans_to_the_stacks_zipkin() {
        assertThat(component.serviceEnvironment()).containsOnly(
                entry("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENABLED", "true"),
                entry("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT", "http://localhost:9411/api/v2/spans"));
    }

    @Test
    void the_banner_points_at_the_trace_ui_and_says_how_to_open_one_trace() {
        assertThat(String.join("\n", component.bannerLines()))
                .contains("http://localhost:9411/zipkin/", "http://localhost:9411/zipkin/traces/<traceId>");
    }
}
