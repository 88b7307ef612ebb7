package dev.eventshop.order;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.OrderId;
import dev.eventshop.order.lifecycle.application.OrderRepository;
import dev.eventshop.order.lifecycle.domain.Order;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Holds the next placement of a given customer's order inside its transaction, just before the order is stored, until
 * the test opens the gate: a request stays in flight for exactly as long as the test needs, with no sleeping. It does
 * so by wrapping the service's {@link OrderRepository}; orders of other customers pass.
 */
public class PlacementGate implements BeanPostProcessor {

    private final Map<String, Gate> gates = new ConcurrentHashMap<>();

    /** Closes a gate for the next order of {@code customerId}. */
    public Gate closeFor(String customerId) {
        Gate gate = new Gate();
        gates.put(customerId, gate);
        return gate;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof OrderRepository orders ? new GatedOrders(orders) : bean;
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

    /** The service's repository, with a gate before each insert. */
    private final class GatedOrders implements OrderRepository {

        private final OrderRepository orders;

        GatedOrders(OrderRepository orders) {
            this.orders = orders;
        }

        @Override
        public void insert(Order order) {
            Gate gate = gates.remove(order.customerId().value());
            if (gate != null) {
                gate.holdHere();
            }
            orders.insert(order);
        }

        @Override
        public void update(Order order) {
            orders.update(order);
        }

        @Override
        public Optional<Order> find(OrderId id) {
            return orders.find(id);
        }

        @Override
        public Optional<Order> findForUpdate(OrderId id) {
            return orders.findForUpdate(id);
        }

        @Override
        public List<Order> findByCustomer(CustomerId customerId, int offset, int limit) {
            return orders.findByCustomer(customerId, offset, limit);
        }

        @Override
        public long countByCustomer(CustomerId customerId) {
            return orders.countByCustomer(customerId);
        }
    }
}
