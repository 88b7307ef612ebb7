package dev.eventshop.email.notification.domain;

/** What an email tells the customer about an order. The customer gets at most one email of each kind per order. */
public enum EmailKind {
    ORDER_CONFIRMED,
    ORDER_CANCELLED
}
