package dev.eventshop.email.notification.domain;

import dev.eventshop.events.OrderId;
import java.util.Objects;

/**
 * An email about an order, ready to send: the same message as plain text and as HTML, for the customer's mail client
 * to choose from.
 *
 * @param to the customer's address
 */
public record Email(OrderId orderId, EmailKind kind, String to, String subject, String text, String html) {

    public Email {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }
}
