package dev.eventshop.email.notification.application;

import dev.eventshop.email.notification.domain.Email;
import dev.eventshop.email.notification.domain.EmailAddressRule;
import dev.eventshop.email.notification.domain.EmailComposer;
import dev.eventshop.email.notification.domain.OrderOutcome;
import dev.eventshop.email.notification.domain.SentEmail;
import dev.eventshop.events.EventPublisher;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends the email an order's outcome calls for: at most once per order and kind, however often and however
 * concurrently the outcome arrives (the same event again, or another event about the same order), and never lost.
 *
 * <p>It runs in the caller's transaction, the one in which the idempotent consumer records the event as processed:
 * <ol>
 *   <li>It claims the order's email of this kind in the sent-email log. A concurrent attempt at the same email waits
 *       at its claim until this transaction ends; if the email was sent already, there is nothing to do.</li>
 *   <li>It records the attempt in a transaction of its own, committed at once, and warns about every earlier attempt
 *       whose outcome nobody knows.</li>
 *   <li>It hands the email to the SMTP server. If that fails, the exception rolls back the claim and the
 *       processed-event row, and the event comes back from the retry topics (and, after the last retry, stays in the
 *       dead-letter topic): nothing is lost and nothing is marked sent.</li>
 *   <li>It logs the email as sent and appends {@code EmailSent} to the outbox, and the transaction commits.</li>
 * </ol>
 *
 * <p>What remains: the SMTP server and the database cannot commit together. If the process dies, or the commit fails,
 * after the SMTP server accepted the email and before the transaction committed, the event is delivered again and
 * the customer gets the email a second time. The attempt committed in step 2 makes that visible: the next attempt
 * logs a warning that the customer may already have the email. Both copies carry the same {@code Message-ID}, by
 * which many mail clients show them as one.
 */
@Service
public class CustomerEmails {

    private static final Logger log = LoggerFactory.getLogger(CustomerEmails.class);

    private final EmailAddressRule addresses;
    private final SentEmails sentEmails;
    private final EmailAttempts attempts;
    private final Mailer mailer;
    private final EventPublisher events;
    private final Clock clock;

    CustomerEmails(EmailAddressRule addresses, SentEmails sentEmails, EmailAttempts attempts, Mailer mailer,
            EventPublisher events, Clock clock) {
        this.addresses = addresses;
        this.sentEmails = sentEmails;
        this.attempts = attempts;
        this.mailer = mailer;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Sends the customer the email about an order's outcome, unless it was sent already.
     *
     * @param eventId the event that brought the outcome
     * @throws MailerException when the SMTP server did not take the email; the caller's transaction must roll back
     * @throws dev.eventshop.email.notification.domain.NoEmailAddressException when the customer has no address
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void send(OrderOutcome outcome, UUID eventId) {
        Email email = EmailComposer.compose(outcome, addresses.addressOf(outcome.customerId()));
        if (!sentEmails.claim(email, eventId, clock.instant())) {
            log.info("Not sending the {} email again for event {}: it was sent already", email.kind(), eventId);
            return;
        }
        EmailAttempts.Attempt attempt = attempts.begin(email.orderId(), email.kind(), eventId, clock.instant());
        attempt.unresolved().forEach(earlier -> log.warn("An earlier attempt to send the {} email (for event {} at {})"
                + " has no known outcome: the process may have stopped after the SMTP server accepted it, so the"
                + " customer may already have it. Sending it again.", email.kind(), earlier.eventId(),
                earlier.attemptedAt()));
        try {
            mailer.send(email);
        } catch (MailerException e) {
            log.warn("Could not send the {} email for event {}, the customer {} have it: {}", email.kind(), eventId,
                    e.mayHaveBeenDelivered() ? "may" : "does not", e.getMessage());
            if (!e.mayHaveBeenDelivered()) {
                try {
                    attempts.notDelivered(attempt, String.valueOf(e.getMessage()));
                } catch (RuntimeException unrecorded) {
                    // The next attempt will warn for nothing; the failure to send is what matters here.
                    e.addSuppressed(unrecorded);
                }
            }
            throw e;
        }
        SentEmail sent = new SentEmail(email.orderId(), email.kind(), email.to(), email.subject(), clock.instant());
        sentEmails.sent(sent);
        attempts.clear(email.orderId(), email.kind());
        events.publish(IntegrationEvents.emailSent(sent));
        log.info("Sent the {} email to {}: \"{}\"", sent.kind(), sent.to(), sent.subject());
    }
}
