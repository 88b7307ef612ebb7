package dev.eventshop.order.lifecycle.application;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.OrderId;
import dev.eventshop.order.lifecycle.domain.Order;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where orders are kept. Every method joins the caller's transaction. */
public interface OrderRepository {

    void insert(Order order);

    /** Stores the order's status, cancellation reason and update time. */
    void update(Order order);

    Optional<Order> find(OrderId id);

    /** The order, locked until the transaction ends, so that saga steps on one order run one after the other. */
    Optional<Order> findForUpdate(OrderId id);

    /**
     * Pending orders placed before {@code placedBefore}, oldest first, at most {@code limit}, each locked until the
     * transaction ends. Orders another transaction has locked (a saga step deciding them, another replica's deadline
     * check) are skipped, not waited for.
     */
    List<Order> lockPendingPlacedBefore(Instant placedBefore, int limit);

    /** A customer's orders, newest first. */
    List<Order> findByCustomer(CustomerId customerId, int offset, int limit);

    long countByCustomer(CustomerId customerId);
}
