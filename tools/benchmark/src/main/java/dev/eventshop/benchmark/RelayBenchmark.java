package dev.eventshop.benchmark;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.email.EmailKind;
import dev.eventshop.events.email.EmailSent;
import dev.eventshop.messaging.config.MessagingProperties;
import dev.eventshop.messaging.outbox.JdbcOutbox;
import dev.eventshop.messaging.outbox.OutboxMetrics;
import dev.eventshop.messaging.outbox.OutboxRelay;
import dev.eventshop.messaging.outbox.TraceContext;
import dev.eventshop.stack.KafkaBroker;
import dev.eventshop.stack.PostgresServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox relay alone, driven through the library exactly as a service wires it ({@link JdbcOutbox} appends in a
 * transaction, {@link OutboxRelay} publishes with the relay's producer settings), on the stack's PostgreSQL and
 * Kafka while no service runs. Its events are {@code EmailSent}, so they land on {@code email-events}.
 */
final class RelayBenchmark {

    static final String DATABASE = "benchmark_relay";
    /** Threads appending events, one transaction each: enough for 1,000 a second with commits of a few ms. */
    static final int APPENDERS = 8;

    /**
     * @param drainPerSecond rows published a second while the relay works off a backlog of {@code backlog} rows
     * @param commitToAck from the commit of the transaction that appended an event to the broker's acknowledgement
     *     of its record, at {@code offeredRate} events a second (one event a transaction); {@code achievedRate} is
     *     what the appending threads managed
     */
    record Result(int backlog, double drainSeconds, double drainPerSecond, double offeredRate, double achievedRate,
            Latency commitToAck) {
    }

    private RelayBenchmark() {
    }

    static Result measure(KafkaBroker kafka, PostgresServer postgres, Plan plan, Consumer<String> progress) {
        postgres.createDatabaseIfMissing(DATABASE);
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(postgres.jdbcUrl(DATABASE));
        pool.setUsername(PostgresServer.USERNAME);
        pool.setPassword(PostgresServer.PASSWORD);
        pool.setMaximumPoolSize(12);
        try (HikariDataSource dataSource = new HikariDataSource(pool)) {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/messaging").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            TraceContext noTracing = new TraceContext(null, null);
            JdbcOutbox outbox = new JdbcOutbox(jdbc, noTracing, Clock.systemUTC(), meters);
            OutboxMetrics metrics = new OutboxMetrics(jdbc, Clock.systemUTC(), meters);
            MessagingProperties.Relay settings = MessagingProperties.defaults().relay();
            Map<String, Object> producerSettings = Floors.producerSettings(kafka);
            producerSettings.put("client.id", "benchmark-relay");

            progress.accept("relay: appending a backlog of %,d events".formatted(plan.relayBacklog()));
            for (int appended = 0; appended < plan.relayBacklog(); appended += 1000) {
                int batch = Math.min(1000, plan.relayBacklog() - appended);
                transaction.executeWithoutResult(status -> {
                    for (int i = 0; i < batch; i++) {
                        outbox.publish(event());
                    }
                });
            }
            OutboxRelay drainer = new OutboxRelay("benchmark-drain", dataSource, transaction,
                    new TimedProducer(producerSettings, (id, at) -> { }), noTracing, metrics, settings);
            long start = System.nanoTime();
            drainer.start();
            long deadline = start + TimeUnit.MINUTES.toNanos(10);
            while (pending(jdbc) > 0) {
                if (System.nanoTime() > deadline) {
                    drainer.stop();
                    throw new IllegalStateException("the relay did not drain the backlog within 10 minutes");
                }
                SystemLoad.sleep(Duration.ofMillis(20));
            }
            double drainSeconds = (System.nanoTime() - start) / 1e9;
            drainer.stop();
            progress.accept("relay: drained %,d events in %.1f s".formatted(plan.relayBacklog(), drainSeconds));

            progress.accept("relay: %.0f events/s, one a transaction, for %d s".formatted(plan.relayRate(),
                    plan.relayDuration().toSeconds()));
            Map<String, Long> committed = new ConcurrentHashMap<>();
            // Both ends by event id; the acknowledgement may even be noted before its commit time is.
            Map<String, Long> acknowledged = new ConcurrentHashMap<>();
            OutboxRelay relay = new OutboxRelay("benchmark-latency", dataSource, transaction,
                    new TimedProducer(producerSettings, acknowledged::put), noTracing, metrics, settings);
            relay.start();
            ExecutorService appenders = Executors.newFixedThreadPool(APPENDERS);
            long appendStart = System.nanoTime();
            OpenLoop.run(plan.relayRate(), plan.relayDuration(), intended -> appenders.execute(() -> {
                var published = Objects.requireNonNull(transaction.execute(status -> outbox.publish(event())));
                // Taken as commit() returns: the earliest the relay could see the row.
                committed.put(published.id().toString(), System.nanoTime());
            }));
            appenders.shutdown();
            awaitTermination(appenders);
            double achieved = committed.size() / ((System.nanoTime() - appendStart) / 1e9);
            long ackDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!acknowledged.keySet().containsAll(committed.keySet()) && System.nanoTime() < ackDeadline) {
                SystemLoad.sleep(Duration.ofMillis(20));
            }
            relay.stop();
            Histogram commitToAck = Latency.histogram();
            committed.forEach((id, commit) -> {
                Long ack = acknowledged.get(id);
                if (ack == null) {
                    throw new IllegalStateException("the relay did not publish event " + id + " within 60 s");
                }
                Latency.recordNanos(commitToAck, ack - commit);
            });
            return new Result(plan.relayBacklog(), drainSeconds, plan.relayBacklog() / drainSeconds,
                    plan.relayRate(), achieved, Latency.of(commitToAck));
        }
    }

    private static long pending(JdbcTemplate jdbc) {
        Long count = jdbc.queryForObject("select count(*) from outbox_event where published_at is null", Long.class);
        return count == null ? 0 : count;
    }

    private static EmailSent event() {
        return new EmailSent(OrderId.newId(), EmailKind.ORDER_CONFIRMED, "alice@customers.eventshop.test",
                "Your order is confirmed", Instant.now());
    }

    private static void awaitTermination(ExecutorService executor) {
        try {
            if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("appending events did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
