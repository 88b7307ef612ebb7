package dev.eventshop.messaging.outbox;

import dev.eventshop.messaging.config.MessagingProperties;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes pending outbox rows to Kafka, oldest first, on a thread of its own, while the service runs.
 *
 * <p>The relay sleeps on {@code LISTEN outbox_event}: the insert trigger's NOTIFY arrives when the appending
 * transaction commits, so latency is milliseconds; {@code poll-interval} is only the fallback. Each wake-up publishes
 * batches ({@link BatchPublisher}) until nothing is pending or another replica leads ({@link RelayLeadership}). Each
 * batch selects every pending row, so a row whose transaction took a lower id but committed later is published on the
 * next wake-up. A failed batch is retried with backoff; nothing is dropped. A row the broker rejects for good is
 * parked after {@code max-attempts} ({@link ParkedRows}) and holds back only its own key.
 *
 * <p>A relay that lost the lock to another replica is on standby: it reads the commit notifications (they are the
 * active relay's work) without acting on them and tries to lead once per poll interval, so a busy service's standbys
 * do not run a transaction per commit. A relay thread that dies of an unexpected error is started again after a
 * backoff. {@link #state()} tells whether the relay makes progress, for a health check.
 */
public class OutboxRelay implements SmartLifecycle {

    /**
     * Stops after the web server has drained its requests ({@code WebServerGracefulShutdownLifecycle}, phase
     * {@code Integer.MAX_VALUE - 1024}) and stopped ({@code Integer.MAX_VALUE - 2048}), and after the Kafka listener
     * containers ({@code Integer.MAX_VALUE - 100}): requests and handlers append events while they finish, and the
     * relay is still there to publish them. Starts before all of them, for the same reason.
     */
    public static final int PHASE = Integer.MAX_VALUE - 4096;

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final String name;
    private final DataSource dataSource;
    private final Producer<String, byte[]> producer;
    private final BatchPublisher batches;
    private final OutboxMetrics metrics;
    private final MessagingProperties.Relay settings;
    private final Clock clock;
    private final Backoff restartBackoff;

    private volatile boolean running;
    private volatile boolean leading;
    private volatile Instant lastProgress;
    private @Nullable Thread worker;

    public OutboxRelay(String name, DataSource dataSource, TransactionTemplate transaction,
            Producer<String, byte[]> producer, TraceContext trace, OutboxMetrics metrics,
            MessagingProperties.Relay settings) {
        this.name = name;
        this.dataSource = dataSource;
        this.producer = producer;
        this.settings = settings;
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        this.batches = new BatchPublisher(jdbc, transaction, new RelayLeadership(jdbc, settings.lockTimeout()),
                producer, trace, metrics, settings.batchSize(), settings.sendTimeout(), settings.maxAttempts());
        this.metrics = metrics;
        this.clock = Clock.systemUTC();
        this.restartBackoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
        this.lastProgress = clock.instant();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        lastProgress = clock.instant();
        startWorker();
    }

    private synchronized void startWorker() {
        Thread thread = Thread.ofPlatform().name("outbox-relay-" + name).daemon()
                .uncaughtExceptionHandler(this::died).unstarted(this::run);
        worker = thread;
        thread.start();
    }

    /** Runs on the dead thread: waits, then starts a new one unless the relay was stopped meanwhile. */
    private void died(Thread thread, Throwable failure) {
        metrics.relayRestarted();
        log.error("Outbox relay {} thread died; starting a new one after a pause", name, failure);
        if (!pauseQuietly(restartBackoff)) {
            return;
        }
        synchronized (this) {
            if (running && worker == thread) {
                startWorker();
            }
        }
    }

    @Override
    public void stop() {
        Thread thread;
        synchronized (this) {
            running = false;
            thread = worker;
            worker = null;
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        producer.close(Duration.ofSeconds(5));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether this relay held the lock for its latest batch, that is, whether it is the one publishing. */
    public boolean isLeading() {
        return leading;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** Whether the relay runs, leads, and has made progress within {@code stall-timeout}. */
    public State state() {
        Duration sinceProgress = Duration.between(lastProgress, clock.instant());
        return new State(running, leading, sinceProgress,
                running && sinceProgress.compareTo(settings.stallTimeout()) > 0);
    }

    private void run() {
        Backoff backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
        while (running) {
            try (Connection listener = dataSource.getConnection()) {
                try (Statement statement = listener.createStatement()) {
                    statement.execute("LISTEN outbox_event");
                }
                PGConnection notifications = listener.unwrap(PGConnection.class);
                while (running) {
                    if (drain()) {
                        backoff.reset();
                        restartBackoff.reset();
                    } else {
                        backoff.pause();
                        continue;
                    }
                    awaitWork(notifications);
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Outbox relay lost its database connection, retrying: {}", e.getMessage());
                    if (!pauseQuietly(backoff)) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Returns on the first NOTIFY after a commit, or after the poll interval at the latest. On standby the
     * notifications are read but not acted on, so the next try to lead comes after the poll interval.
     */
    private void awaitWork(PGConnection notifications) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + settings.pollInterval().toNanos();
        do {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return;
            }
            notifications.getNotifications((int) left);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        } while (running && !leading);
    }

    private static boolean pauseQuietly(Backoff backoff) {
        try {
            backoff.pause();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Publishes batches until nothing is pending or another relay holds the lock.
     *
     * @return false when a batch failed or the broker rejected a row, and the caller should back off
     */
    private boolean drain() throws InterruptedException {
        while (running) {
            BatchPublisher.Result result = batches.publish();
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (result.leader() != leading) {
                log.info(result.leader() ? "Outbox relay {} is now the active one" : "Outbox relay {} is on standby",
                        name);
                leading = result.leader();
            }
            Throwable failure = result.failure();
            if (failure == null || result.published() > 0) {
                lastProgress = clock.instant();
            }
            if (failure != null) {
                metrics.publishFailed();
                log.warn("Outbox relay published {} of {} rows; retrying the rest: {}", result.published(),
                        result.selected(), failure.toString());
                return false;
            }
            if (result.rejected() > 0) {
                // Give what the broker refused a moment before its next send; other keys' rows were published.
                return false;
            }
            if (!result.leader() || result.selected() < batches.batchSize()) {
                return true;
            }
        }
        return true;
    }

    /**
     * What a health check needs to know.
     *
     * @param running whether the relay was started and not stopped
     * @param leading whether it held the lock for its latest batch
     * @param sinceProgress since it last published, found nothing to publish, or found another relay leading
     * @param stalled whether that is longer than {@code stall-timeout}: rows wait and none gets out
     */
    public record State(boolean running, boolean leading, Duration sinceProgress, boolean stalled) {
    }
}
