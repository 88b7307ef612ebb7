package dev.eventshop.payment.charging.application;

import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.payment.PaymentCompleted;
import dev.eventshop.events.payment.PaymentFailed;
import dev.eventshop.events.payment.PaymentFailureReason;
import dev.eventshop.events.payment.PaymentRefunded;
import dev.eventshop.payment.charging.domain.Payment;
import dev.eventshop.payment.charging.domain.Refund;
import java.util.Objects;
import java.util.Optional;

/** Maps payments to the integration events other services consume. */
final class IntegrationEvents {

    private IntegrationEvents() {
    }

    /** The outcome a decided payment announces. A voided payment announces nothing: its order is cancelled already. */
    static Optional<IntegrationEvent> of(Payment payment) {
        return Optional.ofNullable(switch (payment.status()) {
            case COMPLETED -> new PaymentCompleted(payment.orderId(), payment.customerId(), payment.amount(),
                    payment.createdAt());
            case FAILED -> new PaymentFailed(payment.orderId(), payment.customerId(), payment.amount(),
                    PaymentFailureReason.valueOf(Objects.requireNonNull(payment.reason()).name()),
                    payment.createdAt());
            case VOIDED -> null;
        });
    }

    static PaymentRefunded refunded(Refund refund) {
        return new PaymentRefunded(refund.orderId(), refund.customerId(), refund.amount(), refund.refundedAt());
    }
}
