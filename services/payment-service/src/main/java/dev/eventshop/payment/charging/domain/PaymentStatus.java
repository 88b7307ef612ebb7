package dev.eventshop.payment.charging.domain;

/** How a payment ended. A payment is decided once and never changes. */
public enum PaymentStatus {
    /** The customer's account was debited. */
    COMPLETED,
    /** Nothing was debited; the payment's reason says why. */
    FAILED,
    /** The order was cancelled before it was charged: nothing was debited, and nothing will be. */
    VOIDED
}
