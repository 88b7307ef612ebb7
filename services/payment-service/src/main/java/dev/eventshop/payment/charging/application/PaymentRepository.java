package dev.eventshop.payment.charging.application;

import dev.eventshop.events.OrderId;
import dev.eventshop.payment.charging.domain.Payment;
import dev.eventshop.payment.charging.domain.Refund;
import java.util.Optional;

/** Where payments are kept, at most one per order. Every method joins the caller's transaction. */
public interface PaymentRepository {

    /**
     * Stores the payment unless its order has one. When another transaction is storing one for the same order, waits
     * for it to end: if it commits, this stores nothing.
     *
     * @return whether the payment was stored
     */
    boolean insertIfAbsent(Payment payment);

    Optional<Payment> find(OrderId orderId);

    /**
     * Stores the refund unless its order has one; like {@link #insertIfAbsent}, waits for a concurrent insert of the
     * same order to end.
     *
     * @return whether the refund was stored
     */
    boolean insertRefundIfAbsent(Refund refund);
}
