package dev.eventshop.payment.charging.application;

import dev.eventshop.events.OrderId;
import dev.eventshop.payment.charging.domain.Payment;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads payments. */
@Service
@Transactional(readOnly = true)
public class PaymentQueries {

    private final PaymentRepository payments;

    PaymentQueries(PaymentRepository payments) {
        this.payments = payments;
    }

    /** The payment of an order; empty when the order has none (yet). */
    public Optional<Payment> find(OrderId orderId) {
        return payments.find(orderId);
    }
}
