package dev.eventshop.analytics.sales.application;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The generations of the read models: one is current and serves every read; while a rebuild runs, one more is being
 * built. Live events go to both, so the new generation misses nothing that arrives during the rebuild. Unless said
 * otherwise, every method joins the caller's transaction.
 */
public interface Generations {

    /** The current generation. */
    long current();

    /**
     * The generations live events go to, the current one and the one being built if any, oldest first; locked (shared)
     * until the transaction ends, so that no switch can happen between reading them and writing to them.
     */
    List<Long> lockWritable();

    /** Registers the next generation as being built and returns it. */
    long startNext();

    /**
     * Makes a generation being built the current one, and retires the one that was. Waits for live writes in flight
     * to commit; every live write after it goes to the new generation only.
     */
    void switchTo(long generation);

    /** Gives up a generation being built: live events stop going to it and its rows become stale. */
    void abandon(long generation);

    /** Gives up every generation still marked as being built: a rebuild that died left it behind. */
    void abandonUnfinished();

    /**
     * How long a purge may run: it deletes whole generations, which can take far longer than the statement and
     * transaction timeouts every other unit of work has.
     */
    Duration PURGE_TIMEOUT = Duration.ofMinutes(10);

    /**
     * Deletes the rows of every retired or abandoned generation; returns how many went. Lifts the statement timeout to
     * {@link #PURGE_TIMEOUT} and the database's transaction timeout for the rest of the caller's transaction, which
     * needs a timeout that long itself.
     */
    long purgeStale();

    /** Takes the one rebuild lock of the database until the lease is closed; empty when a rebuild holds it. */
    Optional<Lease> tryLockRebuild();

    /** A held lock. A process that dies loses it with its database session. */
    interface Lease extends AutoCloseable {

        @Override
        void close();
    }
}
