package dev.eventshop.order.lifecycle.application;

import dev.eventshop.order.lifecycle.domain.Order;
import java.util.List;

/** One page of a customer's orders, newest first. {@code page} counts from 0. */
public record OrderPage(List<Order> content, int page, int size, long totalElements) {

    public OrderPage {
        content = List.copyOf(content);
    }

    public long totalPages() {
        return (totalElements + size - 1) / size;
    }
}
