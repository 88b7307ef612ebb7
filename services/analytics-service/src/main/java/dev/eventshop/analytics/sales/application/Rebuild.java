package dev.eventshop.analytics.sales.application;

import dev.eventshop.analytics.sales.application.Generations.Lease;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds every read model from the start of the topics into a new generation, while the current one keeps serving,
 * and then switches to it at once.
 *
 * <ol>
 * <li>Takes the one rebuild lock, gives up what a rebuild that died left behind, and registers generation N+1. From
 * that commit on, the live consumer writes every event to N and N+1.</li>
 * <li>Only then captures where each partition ends, and replays every topic from offset 0 up to there into N+1, with
 * the same projection code. An event the live consumer wrote to N alone was consumed before N+1 was registered, so it
 * lies before those ends: the replay has it. Every later one the live consumer writes to N+1 itself.</li>
 * <li>Switches: in one transaction N+1 becomes current and N retired. The switch waits for live writes in flight,
 * which hold a shared lock on the generations they write to.</li>
 * <li>Deletes the retired generation's rows.</li>
 * </ol>
 *
 * <p>Replay and live writes to N+1 overlap, in any order and twice over: harmless, since facts merge the same whatever
 * the order. A rebuild that fails abandons N+1 and leaves N current and untouched. One that dies with its process
 * leaves N+1 marked as being built, and live events would keep going to it as well; so at start-up, before the live
 * consumer starts, the service abandons it ({@link #abandonDeadRebuild}).
 */
@Service
public class Rebuild implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);

    private final Generations generations;
    private final EventLog eventLog;
    private final Projector projector;
    private final SalesFigures figures;
    private final TransactionTemplate transaction;
    private final TransactionTemplate purge;
    private final Clock clock;

    Rebuild(Generations generations, EventLog eventLog, Projector projector, SalesFigures figures,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.generations = generations;
        this.eventLog = eventLog;
        this.projector = projector;
        this.figures = figures;
        this.transaction = new TransactionTemplate(transactionManager);
        this.purge = new TransactionTemplate(transactionManager);
        purge.setTimeout(Math.toIntExact(Generations.PURGE_TIMEOUT.toSeconds()));
        this.clock = clock;
    }

    /**
     * Rebuilds and switches; returns when the new generation serves.
     *
     * @throws RebuildInProgressException when another rebuild is running
     * @throws EventLogUnavailableException when the topics cannot be read; the current generation stays
     */
    public RebuildReport run() {
        Lease lease = generations.tryLockRebuild().orElseThrow(RebuildInProgressException::new);
        try (lease) {
            Instant started = clock.instant();
            purge.executeWithoutResult(status -> {
                generations.abandonUnfinished();
                generations.purgeStale();
            });
            long previous = inTransactionGet(generations::current);
            long next = inTransactionGet(generations::startNext);
            log.info("Rebuilding the read models into generation {}; generation {} serves meanwhile", next, previous);
            EventLog.Replayed replayed;
            try {
                replayed = eventLog.replay(batch -> projector.projectInto(next, batch));
                inTransaction(() -> generations.switchTo(next));
            } catch (RuntimeException e) {
                log.warn("Rebuild of generation {} failed; generation {} still serves: {}", next, previous,
                        e.toString());
                inTransaction(() -> generations.abandon(next));
                purge.executeWithoutResult(status -> generations.purgeStale());
                throw e;
            }
            long purged = inTransactionGet(purge, generations::purgeStale);
            RebuildReport report = inTransactionGet(() -> new RebuildReport(previous, next, replayed.eventsByTopic(),
                    replayed.skipped(), figures.orderCounts(next).placed(), figures.productCount(next), purged,
                    Duration.between(started, clock.instant())));
            log.info("Generation {} serves: {} events replayed ({} skipped), {} orders, {} products, in {} ms",
                    next, report.events(), report.skipped(), report.orders(), report.products(),
                    report.took().toMillis());
            return report;
        }
    }

    /**
     * Abandons a generation a rebuild left half-built when its process died, and deletes its rows. A generation marked as being built may also be the one a rebuild on another replica is filling
     * right now: that replica holds the rebuild lock (a PostgreSQL advisory lock of its session) for as long as it
     * runs, and a dead one has lost it with its session. So this abandons only what it finds while it holds the lock
     * itself, and leaves a running rebuild alone.
     */
    public void abandonDeadRebuild() {
        Optional<Lease> lock = generations.tryLockRebuild();
        if (lock.isEmpty()) {
            log.info("A rebuild runs on another replica; the generation it builds stays");
            return;
        }
        try (Lease lease = lock.get()) {
            inTransaction(() -> {
                generations.abandonUnfinished();
                generations.purgeStale();
            });
        }
    }

    /** Runs once every bean is there, before the live consumer starts: see {@link #abandonDeadRebuild}. */
    @Override
    public void afterSingletonsInstantiated() {
        abandonDeadRebuild();
    }

    private void inTransaction(Runnable work) {
        transaction.executeWithoutResult(status -> work.run());
    }

    private <T> T inTransactionGet(Supplier<T> work) {
        return inTransactionGet(transaction, work);
    }

    private static <T> T inTransactionGet(TransactionTemplate template, Supplier<T> work) {
        T result = template.execute(status -> work.get());
        if (result == null) {
            throw new IllegalStateException("a rebuild step returned nothing");
        }
        return result;
    }
}
