package dev.eventshop.messaging.outbox;

import dev.eventshop.messaging.config.MessagingProperties;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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
 * next wake-up. A failed batch is retried with backoff; nothing is dropped.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final String name;
    private final DataSource dataSource;
    private final Producer<String, byte[]> producer;
    private final BatchPublisher batches;
    private final OutboxMetrics metrics;
    private final MessagingProperties.Relay settings;

    private volatile boolean running;
    private volatile boolean leading;
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
                producer, trace, metrics, settings.batchSize(), settings.sendTimeout());
        this.metrics = metrics;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread thread = new Thread(this::run, "outbox-relay-" + name);
        thread.setDaemon(true);
        worker = thread;
        thread.start();
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

    /** Stop late, start early: consumers' handlers append events while they shut down. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
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
                    } else {
                        backoff.pause();
                        continue;
                    }
                    // Returns on the first NOTIFY after a commit, or after the poll interval at the latest.
                    notifications.getNotifications((int) settings.pollInterval().toMillis());
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
     * @return false when a publish failed and the caller should back off
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
            if (result.failure() != null) {
                metrics.publishFailed();
                log.warn("Outbox relay published {} of {} rows; retrying the rest: {}", result.published(),
                        result.selected(), result.failure().toString());
                return false;
            }
            if (!result.leader() || result.selected() < batches.batchSize()) {
                return true;
            }
        }
        return true;
    }
}
