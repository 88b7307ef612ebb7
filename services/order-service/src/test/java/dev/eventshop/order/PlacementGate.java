package dev.eventshop.order;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.OrderId;
import dev.eventshop.order.lifecycle.application.OrderRepository;
import dev.eventshop.order.lifecycle.domain.Order;
import dev.eventshop.testsupport.Gate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Holds the next placement of a given customer's order inside its transaction, just before the order is stored (or,
 * with {@link #closeBeforeCommitFor}, once all of it is written and only the commit is left), until the test opens the
 * gate: a request stays in flight for exactly as long as the test needs, with no sleeping. It does so by wrapping the
 * service's {@link OrderRepository}; orders of other customers pass.
 */
public class PlacementGate implements BeanPostProcessor {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Gate<Order>> gates = new ConcurrentHashMap<>();
    private final Map<String, Gate<Order>> commitGates = new ConcurrentHashMap<>();

    /** Closes a gate for the next order of {@code customerId}, which hands over the order it is about to store. */
    public Gate<Order> closeFor(String customerId) {
        Gate<Order> gate = new Gate<>(TIMEOUT);
        gates.put(customerId, gate);
        return gate;
    }

    /** Closes a gate for the next order of {@code customerId} just before its transaction commits. */
    public Gate<Order> closeBeforeCommitFor(String customerId) {
        Gate<Order> gate = new Gate<>(TIMEOUT);
        commitGates.put(customerId, gate);
        return gate;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof OrderRepository orders ? new GatedOrders(orders) : bean;
    }

    /** The service's repository, with a gate before each insert. */
    private final class GatedOrders implements OrderRepository {

        private final OrderRepository orders;

        GatedOrders(OrderRepository orders) {
            this.orders = orders;
        }

        @Override
        public void insert(Order order) {
            Gate<Order> gate = gates.remove(order.customerId().value());
            if (gate != null) {
                gate.holdHere(order);
            }
            Gate<Order> commitGate = commitGates.remove(order.customerId().value());
            if (commitGate != null) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void beforeCommit(boolean readOnly) {
                        commitGate.holdHere(order);
                    }
                });
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
        public List<Order> lockPendingPlacedBefore(Instant placedBefore, int limit) {
            return orders.lockPendingPlacedBefore(placedBefore, limit);
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
