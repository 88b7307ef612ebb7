package dev.eventshop.payment.charging.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.eventshop.payment.charging.domain.DeclineReason;
import dev.eventshop.payment.charging.domain.Payment;
import dev.eventshop.payment.charging.domain.PaymentStatus;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The payment of an order as the API shows it. The amount is a decimal string ({@code "89.00"}) in {@code currency}.
 *
 * @param reason why the payment failed; present only when it did
 */
record PaymentResponse(String orderId, String customerId, String amount, String currency, PaymentStatus status,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable DeclineReason reason, Instant createdAt) {

    static PaymentResponse of(Payment payment) {
        return new PaymentResponse(payment.orderId().toString(), payment.customerId().value(),
                payment.amount().amount().toPlainString(), payment.amount().currency(), payment.status(),
                payment.reason(), payment.createdAt());
    }
}
