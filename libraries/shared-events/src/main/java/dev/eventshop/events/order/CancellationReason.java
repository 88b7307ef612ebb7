package dev.eventshop.events.order;

/**
 * Why an order was cancelled. Consumers reject a value they do not know (the record goes to their dead-letter topic),
 * so a new reason reaches the schema and every consumer before the producer may emit it: deploy the consumers first.
 */
public enum CancellationReason {
    OUT_OF_STOCK,
    PAYMENT_DECLINED,
    /** The saga did not end within the order-service's deadline; whatever completed is compensated. */
    TIMED_OUT
}
