package dev.eventshop.observability;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.logback.appender.v1_0.OpenTelemetryAppender;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Attaches OpenTelemetry's Logback appender to the root logger while the service runs. Each record keeps the trace
 * and span of the line (the appender reads the current context) and every MDC field, so the order id goes with it.
 * Started first and stopped last, so start-up and shutdown lines are shipped too.
 */
public class OtlpLogShipping implements SmartLifecycle {

    static final String APPENDER_NAME = "OTLP";

    private final OpenTelemetry openTelemetry;
    private @Nullable OpenTelemetryAppender appender;

    public OtlpLogShipping(OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry;
    }

    @Override
    public synchronized void start() {
        if (appender != null || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        OpenTelemetryAppender otlp = new OpenTelemetryAppender();
        otlp.setName(APPENDER_NAME);
        otlp.setContext(context);
        otlp.setCaptureMdcAttributes("*");
        otlp.setCaptureExperimentalAttributes(true);
        otlp.setCaptureCodeAttributes(false);
        otlp.setOpenTelemetry(openTelemetry);
        otlp.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(otlp);
        appender = otlp;
    }

    @Override
    public synchronized void stop() {
        OpenTelemetryAppender attached = appender;
        if (attached != null && LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(attached);
            attached.stop();
        }
        appender = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return appender != null;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }
}
