package dev.eventshop.events.order;

/**
 * Why an order was cancelled. Consumers reject a value they do not know (the record goes to their dead-letter topic),
 * so a new reason needs a new version of the events that carry it.
 */
public enum CancellationReason {
    OUT_OF_STOCK,
    PAYMENT_DECLINED
}
