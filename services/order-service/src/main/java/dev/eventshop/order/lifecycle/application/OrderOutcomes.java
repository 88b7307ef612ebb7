package dev.eventshop.order.lifecycle.application;

import dev.eventshop.order.lifecycle.domain.Order;

/** Told of every order that reaches its final status, for the pipeline's outcome and latency figures. */
public interface OrderOutcomes {

    /** Called in the transaction that moved {@code order} to its final status; counted only if it commits. */
    void finished(Order order);
}
