package dev.eventshop.payment.charging.application;

import dev.eventshop.payment.charging.domain.Payment;
import java.util.Objects;

/**
 * What charging an order came to.
 *
 * @param payment the order's payment: the one just made, or the one it already had
 * @param alreadyDecided whether the order already had a payment, so that nothing was debited or published now
 */
public record ChargeResult(Payment payment, boolean alreadyDecided) {

    public ChargeResult {
        Objects.requireNonNull(payment, "payment");
    }
}
