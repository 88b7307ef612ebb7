package dev.eventshop.email.notification.persistence;

import dev.eventshop.email.notification.application.EmailAttemptProperties;
import dev.eventshop.email.notification.application.EmailAttempts;
import dev.eventshop.housekeeping.ScheduledPurge;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes the attempts at emails that were never sent, once the last attempt at each is older than the retention: a
 * sent email clears its own attempts, but one whose event was dead-lettered would keep them for ever. Runs every
 * {@code eventshop.email.attempts.purge-interval}: the table's housekeeping, on a thread of its own.
 */
@Component
public class EmailAttemptPurge extends ScheduledPurge {

    private static final Logger log = LoggerFactory.getLogger(EmailAttemptPurge.class);

    private final EmailAttempts attempts;
    private final EmailAttemptProperties properties;
    private final Clock clock;

    EmailAttemptPurge(EmailAttempts attempts, EmailAttemptProperties properties, Clock clock) {
        super("email-attempt-purge", properties.purgeInterval());
        this.attempts = attempts;
        this.properties = properties;
        this.clock = clock;
    }

    /** Deletes the attempts past their retention now; returns how many went. */
    public int purge() {
        int purged = attempts.purgeGivenUp(clock.instant().minus(properties.retention()));
        if (purged > 0) {
            log.info("Purged {} attempt(s) at emails that were never sent", purged);
        }
        return purged;
    }

    @Override
    protected void purgeNow() {
        purge();
    }
}
