package dev.eventshop.events.payment;

/** Why a payment was declined. */
public enum PaymentFailureReason {
    INSUFFICIENT_FUNDS,
    UNKNOWN_CUSTOMER
}
