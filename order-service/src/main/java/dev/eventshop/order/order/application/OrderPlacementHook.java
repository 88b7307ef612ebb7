package dev.eventshop.order.order.application;

/**
 * Called as an order is about to be placed: inside its transaction, after any idempotency key is claimed. Production
 * has none; tests register one to hold a request in flight at a known point instead of sleeping.
 */
@FunctionalInterface
public interface OrderPlacementHook {

    void beforePlacing(PlaceOrder command);
}
