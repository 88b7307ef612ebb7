package dev.eventshop.events.order;

/** Why an order was cancelled. New reasons may be added; consumers treat an unknown one as a cancellation. */
public enum CancellationReason {
    OUT_OF_STOCK,
    PAYMENT_DECLINED
}
