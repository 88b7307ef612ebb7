package dev.eventshop.order.lifecycle.domain;

/** Why an order was cancelled. */
public enum CancellationReason {
    /** The inventory could not hold every line. */
    OUT_OF_STOCK,
    /** The customer's account could not be charged. */
    PAYMENT_DECLINED,
    /** The saga did not end within its deadline; the other services compensate whatever they completed. */
    TIMED_OUT
}
