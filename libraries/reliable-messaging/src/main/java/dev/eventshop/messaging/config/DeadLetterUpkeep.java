package dev.eventshop.messaging.config;

import dev.eventshop.housekeeping.PeriodicTask;
import dev.eventshop.messaging.deadletters.kafka.DeadLetterRetention;
import dev.eventshop.messaging.deadletters.metrics.DeadLetterDepth;
import java.time.Duration;

/**
 * Once the service runs (its retry and dead-letter topics exist), sets the dead-letter topics' retention, retrying
 * until the broker takes it, and keeps the depth gauge current.
 */
class DeadLetterUpkeep extends PeriodicTask {

    private final DeadLetterRetention retention;
    private final DeadLetterDepth depth;
    private volatile boolean retentionSet;

    DeadLetterUpkeep(DeadLetterRetention retention, DeadLetterDepth depth, Duration interval) {
        super("dead-letter-upkeep", Duration.ZERO, interval);
        this.retention = retention;
        this.depth = depth;
    }

    @Override
    protected void runOnce() {
        if (!retentionSet) {
            // none yet: the listener containers create them; try again next time
            retentionSet = !retention.keepForGood().isEmpty();
        }
        depth.refresh();
    }

    /** After the listener containers: their retry and dead-letter topics exist by then. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
