package dev.eventshop.web.idempotency;

import dev.eventshop.housekeeping.ScheduledPurge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes idempotency keys past their retention, and keys left in flight past {@code abandoned-after}, every
 * {@code purge-interval}, on a thread of its own.
 */
public class IdempotencyKeyPurge extends ScheduledPurge {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyPurge.class);

    private final IdempotencyKeyStore keys;
    private final IdempotencyProperties properties;

    IdempotencyKeyPurge(IdempotencyKeyStore keys, IdempotencyProperties properties) {
        super("idempotency-key-purge", properties.purgeInterval());
        this.keys = keys;
        this.properties = properties;
    }

    /** Deletes expired and abandoned keys now; returns how many went. */
    public int purge() {
        int purged = keys.purge(properties.retention(), properties.abandonedAfter());
        if (purged > 0) {
            log.info("Purged {} idempotency key(s)", purged);
        }
        return purged;
    }

    @Override
    protected void purgeNow() {
        purge();
    }
}
