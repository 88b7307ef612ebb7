package dev.eventshop.email.notification.web;

import dev.eventshop.email.notification.domain.SentEmail;
import java.time.Instant;

/**
 * An email sent about an order.
 *
 * @param kind {@code ORDER_CONFIRMED} or {@code ORDER_CANCELLED}
 * @param sentAt when the SMTP server accepted it
 */
record SentEmailResponse(String to, String subject, String kind, Instant sentAt) {

    static SentEmailResponse of(SentEmail email) {
        return new SentEmailResponse(email.to(), email.subject(), email.kind().name(), email.sentAt());
    }
}
