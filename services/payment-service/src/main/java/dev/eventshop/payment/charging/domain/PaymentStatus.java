package dev.eventshop.payment.charging.domain;

/** How a payment ended. A payment is decided once and never changes. */
public enum PaymentStatus {
    /** The customer's account was debited. */
    COMPLETED,
    /** Nothing was debited; the payment's reason says why. */
    FAILED
}
