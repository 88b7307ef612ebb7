package dev.eventshop.order.lifecycle.application;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.OrderId;
import dev.eventshop.order.lifecycle.domain.Order;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads orders and their timelines. */
@Service
@Transactional(readOnly = true)
public class OrderQueries {

    private final OrderRepository orders;
    private final OrderTimeline timeline;

    OrderQueries(OrderRepository orders, OrderTimeline timeline) {
        this.orders = orders;
        this.timeline = timeline;
    }

    public Optional<Order> find(OrderId id) {
        return orders.find(id);
    }

    /** The order's timeline, oldest first; empty when there is no such order. */
    public Optional<List<TimelineEntry>> timeline(OrderId id) {
        return orders.find(id).map(order -> timeline.of(id));
    }

    /**
     * A page of the customer's orders, newest first.
     *
     * @param page counts from 0
     * @param size at least 1
     */
    public OrderPage byCustomer(CustomerId customerId, int page, int size) {
        List<Order> content = orders.findByCustomer(customerId, Math.multiplyExact(page, size), size);
        return new OrderPage(content, page, size, orders.countByCustomer(customerId));
    }
}
