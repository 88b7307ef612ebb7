package dev.eventshop.order.lifecycle.web;

import dev.eventshop.order.lifecycle.application.OrderPage;
import java.util.List;

/** A page of a customer's orders, newest first; {@code page} counts from 0. */
record OrderPageResponse(List<OrderResponse> content, int page, int size, long totalElements, long totalPages) {

    static OrderPageResponse of(OrderPage page) {
        return new OrderPageResponse(page.content().stream().map(OrderResponse::of).toList(), page.page(),
                page.size(), page.totalElements(), page.totalPages());
    }
}
