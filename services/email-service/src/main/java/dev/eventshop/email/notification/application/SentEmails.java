package dev.eventshop.email.notification.application;

import dev.eventshop.email.notification.domain.Email;
import dev.eventshop.email.notification.domain.SentEmail;
import dev.eventshop.events.OrderId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The log of sent emails, at most one per order and kind. Every method joins the caller's transaction. */
public interface SentEmails {

    /**
     * Claims an order's email of one kind for the caller's transaction, which then sends it: the claim becomes the
     * log entry if the transaction commits and disappears if it rolls back. A concurrent claim of the same email
     * waits until this transaction ends, and then fails if it committed or succeeds if it rolled back.
     *
     * @param eventId the event that calls for the email
     * @return {@code false} when the email was sent already
     */
    boolean claim(Email email, UUID eventId, Instant at);

    /** Records when the SMTP server accepted a claimed email. */
    void sent(SentEmail email);

    /** The emails sent about an order, oldest first. */
    List<SentEmail> forOrder(OrderId orderId);
}
