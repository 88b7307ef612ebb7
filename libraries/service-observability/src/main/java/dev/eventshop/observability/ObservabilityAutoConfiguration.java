package dev.eventshop.observability;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.logback.appender.v1_0.OpenTelemetryAppender;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Ships every log line over OTLP when {@code management.opentelemetry.logging.export.otlp.endpoint} is set (compose,
 * Kubernetes), so that logs are searched by trace id next to the trace. Spring Boot exports the log records; what it
 * leaves to the application is feeding Logback's events into OpenTelemetry, which this does.
 */
@AutoConfiguration(afterName = "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration")
@ConditionalOnClass({OpenTelemetry.class, OpenTelemetryAppender.class})
public class ObservabilityAutoConfiguration {

    public static final String OTLP_LOGS_ENDPOINT = "management.opentelemetry.logging.export.otlp.endpoint";

    @Bean
    @ConditionalOnProperty(name = OTLP_LOGS_ENDPOINT)
    OtlpLogShipping otlpLogShipping(OpenTelemetry openTelemetry) {
        return new OtlpLogShipping(openTelemetry);
    }
}
