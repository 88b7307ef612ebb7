package dev.eventshop.events.email;

/** What an email told the customer. */
public enum EmailKind {
    ORDER_CONFIRMED,
    ORDER_CANCELLED
}
