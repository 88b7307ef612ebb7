package dev.eventshop.payment.charging.application;

import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.payment.PaymentCompleted;
import dev.eventshop.events.payment.PaymentFailed;
import dev.eventshop.events.payment.PaymentFailureReason;
import dev.eventshop.payment.charging.domain.Payment;
import java.util.Objects;

/** Maps payments to the integration events other services consume. */
final class IntegrationEvents {

    private IntegrationEvents() {
    }

    static IntegrationEvent of(Payment payment) {
        return switch (payment.status()) {
            case COMPLETED -> new PaymentCompleted(payment.orderId(), payment.customerId(), payment.amount(),
                    payment.createdAt());
            case FAILED -> new PaymentFailed(payment.orderId(), payment.customerId(), payment.amount(),
                    PaymentFailureReason.valueOf(Objects.requireNonNull(payment.reason()).name()),
                    payment.createdAt());
        };
    }
}
