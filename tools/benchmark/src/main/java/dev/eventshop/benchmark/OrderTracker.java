package dev.eventshop.benchmark;

import java.util.HashMap;
import java.util.Map;

/**
 * Matches accepted orders with their final events. The final event may be read before the {@code 202} is (the saga
 * is fast, the response handling slow), so whichever arrives second completes the order.
 */
final class OrderTracker {

    /** An order whose {@code 202} arrived: when it was meant to be sent, what it must end as, and whose it is. */
    record Accepted(long intendedNanos, String expectedOutcome, SystemStep.Stats step) {
    }

    private record Final(String outcome, long seenNanos) {
    }

    private final Map<String, Accepted> pending = new HashMap<>();
    private final Map<String, Final> finalBeforeAccepted = new HashMap<>();

    void accepted(String orderId, Accepted order) {
        Final done;
        synchronized (this) {
            done = finalBeforeAccepted.remove(orderId);
            if (done == null) {
                pending.put(orderId, order);
                return;
            }
        }
        order.step().completed(order, done.outcome(), done.seenNanos());
    }

    /** @param outcome {@code CONFIRMED} or the cancellation reason */
    void finished(String orderId, String outcome, long seenNanos) {
        Accepted order;
        synchronized (this) {
            order = pending.remove(orderId);
            if (order == null) {
                finalBeforeAccepted.put(orderId, new Final(outcome, seenNanos));
                return;
            }
        }
        order.step().completed(order, outcome, seenNanos);
    }

    /** Orders accepted and not final yet: the system's backlog as a customer sees it. */
    synchronized int pending() {
        return pending.size();
    }
}
