package dev.eventshop.analytics.dashboard;

import dev.eventshop.analytics.AnalyticsProperties;
import dev.eventshop.analytics.sales.application.SummaryQueries;
import dev.eventshop.analytics.sales.web.SummaryResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Sends the summary to every open dashboard as server-sent events: the current figures when a dashboard connects, then
 * new ones whenever they change. One reader looks for changes every {@code refresh-interval} however many dashboards
 * are open, and only while one is. It reads the database, not an in-memory signal, so it sees what every replica
 * projected. Stops before the web server's graceful shutdown, closing the streams it would otherwise wait for.
 */
@Component
class SummaryFeed implements SmartLifecycle {

    /** The name of the events that carry a summary. */
    static final String EVENT = "summary";
    /** A stream ends after this long; the browser reconnects by itself, and gets the current figures again. */
    private static final Duration STREAM_LIFETIME = Duration.ofMinutes(10);
    /** How soon the browser reconnects after a stream ended or broke. */
    private static final Duration RECONNECT = Duration.ofSeconds(1);
    /** A comment sent when nothing changed for this long, so a stream nobody reads any more is noticed and closed. */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private static final Logger log = LoggerFactory.getLogger(SummaryFeed.class);

    private final SummaryQueries queries;
    private final Duration refreshInterval;
    private final List<SseEmitter> subscribers = new CopyOnWriteArrayList<>();
    private @Nullable ScheduledExecutorService scheduler;
    private @Nullable SummaryResponse lastSent;
    private long lastSentAt;

    SummaryFeed(SummaryQueries queries, AnalyticsProperties properties) {
        this.queries = queries;
        this.refreshInterval = properties.getRefreshInterval();
    }

    /** A new stream that starts with the current figures. */
    SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
        emitter.onCompletion(() -> subscribers.remove(emitter));
        emitter.onTimeout(emitter::complete);
        emitter.onError(failure -> subscribers.remove(emitter));
        if (send(emitter, SummaryResponse.of(queries.summary()))) {
            subscribers.add(emitter);
        }
        return emitter;
    }

    /** Sends the figures to every stream if they changed since the last time, or a keep-alive now and then. */
    synchronized void refresh() {
        if (subscribers.isEmpty()) {
            lastSent = null;
            return;
        }
        SummaryResponse summary = SummaryResponse.of(queries.summary());
        if (summary.equals(lastSent)) {
            if (System.nanoTime() - lastSentAt > KEEP_ALIVE.toNanos()) {
                subscribers.forEach(emitter -> keepAlive(emitter));
                lastSentAt = System.nanoTime();
            }
            return;
        }
        subscribers.forEach(emitter -> send(emitter, summary));
        lastSent = summary;
        lastSentAt = System.nanoTime();
    }

    private boolean send(SseEmitter emitter, SummaryResponse summary) {
        try {
            emitter.send(SseEmitter.event().name(EVENT).reconnectTime(RECONNECT.toMillis())
                    .data(summary, MediaType.APPLICATION_JSON));
            return true;
        } catch (IOException | IllegalStateException e) {
            drop(emitter);
            return false;
        }
    }

    private void keepAlive(SseEmitter emitter) {
        try {
            emitter.send(SseEmitter.event().comment("keep-alive"));
        } catch (IOException | IllegalStateException e) {
            drop(emitter);
        }
    }

    /** The browser went away: forget the stream and let the container end it. */
    private void drop(SseEmitter emitter) {
        subscribers.remove(emitter);
        emitter.complete();
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Could not refresh the dashboards, will try again: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("summary-feed").daemon().factory());
        long every = refreshInterval.toMillis();
        scheduler.scheduleWithFixedDelay(this::refreshQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        Objects.requireNonNull(scheduler, "started").shutdownNow();
        scheduler = null;
        subscribers.forEach(SseEmitter::complete);
        subscribers.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
