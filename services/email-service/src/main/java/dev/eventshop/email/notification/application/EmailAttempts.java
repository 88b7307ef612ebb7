package dev.eventshop.email.notification.application;

import dev.eventshop.email.notification.domain.EmailKind;
import dev.eventshop.events.OrderId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The attempts to send an email that is not sent yet. Each attempt is committed before the SMTP conversation starts,
 * in a transaction of its own, so that it outlives a process that dies before the email's own transaction commits:
 * the next attempt finds it and knows that the customer may already have the email.
 */
public interface EmailAttempts {

    /**
     * Records an attempt at an order's email of one kind, in a transaction of its own that commits before this
     * returns.
     *
     * @param eventId the event that calls for the email
     * @return the attempt, with the earlier attempts at the same email whose outcome nobody knows
     */
    Attempt begin(OrderId orderId, EmailKind kind, UUID eventId, Instant at);

    /** Notes, in a transaction of its own, that an attempt certainly did not reach the customer, and why. */
    void notDelivered(Attempt attempt, String reason);

    /** Forgets the attempts at an email that is now sent; joins the caller's transaction, the one that logs it sent. */
    void clear(OrderId orderId, EmailKind kind);

    /**
     * Forgets the attempts at every email not sent whose last attempt was before {@code lastAttemptBefore}: it was
     * given up (its event dead-lettered) long ago. An email still being tried keeps all of its attempts. Returns how
     * many went.
     */
    int purgeGivenUp(Instant lastAttemptBefore);

    /**
     * An attempt in progress.
     *
     * @param unresolved the earlier attempts at the same email that neither sent it nor certainly failed: each may
     *     have reached the customer
     */
    record Attempt(long id, List<EarlierAttempt> unresolved) {

        public Attempt {
            unresolved = List.copyOf(unresolved);
        }
    }

    /** An earlier attempt whose outcome nobody knows. */
    record EarlierAttempt(UUID eventId, Instant attemptedAt) {
    }
}
