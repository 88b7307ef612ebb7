package dev.eventshop.events.email;

import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.OrderId;
import java.time.Instant;
import java.util.Objects;

/** An email about an order was handed to the SMTP server. */
public record EmailSent(OrderId orderId, EmailKind kind, String to, String subject, Instant sentAt)
        implements IntegrationEvent {

    public EmailSent {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(sentAt, "sentAt");
    }

    @Override
    public String aggregateId() {
        return orderId.toString();
    }
}
