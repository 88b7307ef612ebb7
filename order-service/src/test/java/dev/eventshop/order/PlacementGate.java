package dev.eventshop.order;

import dev.eventshop.order.order.application.OrderPlacementHook;
import dev.eventshop.order.order.application.PlaceOrder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds the next placement of a given customer's order inside its transaction until the test opens the gate: a
 * request stays in flight for exactly as long as the test needs, with no sleeping. Orders of other customers pass.
 */
public class PlacementGate implements OrderPlacementHook {

    private final Map<String, Gate> gates = new ConcurrentHashMap<>();

    /** Closes a gate for the next order of {@code customerId}. */
    public Gate closeFor(String customerId) {
        Gate gate = new Gate();
        gates.put(customerId, gate);
        return gate;
    }

    @Override
    public void beforePlacing(PlaceOrder command) {
        Gate gate = gates.remove(command.customerId().value());
        if (gate != null) {
            gate.holdHere();
        }
    }

    /** One held placement. */
    public static final class Gate {

        private static final long TIMEOUT_SECONDS = 30;

        private final CountDownLatch arrived = new CountDownLatch(1);
        private final CountDownLatch opened = new CountDownLatch(1);

        private void holdHere() {
            arrived.countDown();
            try {
                if (!opened.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Waits (bounded) until a placement is held at the gate. */
        public void awaitArrival() throws InterruptedException {
            if (!arrived.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("no placement reached the gate");
            }
        }

        public void open() {
            opened.countDown();
        }
    }
}
