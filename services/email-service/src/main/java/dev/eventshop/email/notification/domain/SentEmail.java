package dev.eventshop.email.notification.domain;

import dev.eventshop.events.OrderId;
import java.time.Instant;
import java.util.Objects;

/**
 * An email the SMTP server accepted for delivery.
 *
 * @param sentAt when the SMTP server accepted it
 */
public record SentEmail(OrderId orderId, EmailKind kind, String to, String subject, Instant sentAt) {

    public SentEmail {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(sentAt, "sentAt");
    }
}
