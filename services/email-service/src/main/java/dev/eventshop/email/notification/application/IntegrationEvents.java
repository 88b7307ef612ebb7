package dev.eventshop.email.notification.application;

import dev.eventshop.email.notification.domain.CancellationReason;
import dev.eventshop.email.notification.domain.OrderOutcome;
import dev.eventshop.email.notification.domain.SentEmail;
import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.email.EmailKind;
import dev.eventshop.events.email.EmailSent;
import dev.eventshop.events.order.OrderCancelled;
import dev.eventshop.events.order.OrderConfirmed;
import java.util.Optional;

/** The one place where the email-service's domain meets the integration events: what comes in, what goes out. */
public final class IntegrationEvents {

    private IntegrationEvents() {
    }

    /** The outcome an event tells of, if it is one the customer gets an email about. */
    public static Optional<OrderOutcome> outcomeOf(IntegrationEvent event) {
        return Optional.ofNullable(switch (event) {
            case OrderConfirmed confirmed -> new OrderOutcome.Confirmed(confirmed.orderId(), confirmed.customerId(),
                    confirmed.lines(), confirmed.total());
            case OrderCancelled cancelled -> new OrderOutcome.Cancelled(cancelled.orderId(), cancelled.customerId(),
                    cancelled.lines(), cancelled.total(), reason(cancelled.reason()));
            default -> null;
        });
    }

    static EmailSent emailSent(SentEmail email) {
        return new EmailSent(email.orderId(), kind(email.kind()), email.to(), email.subject(), email.sentAt());
    }

    private static CancellationReason reason(dev.eventshop.events.order.CancellationReason reason) {
        return switch (reason) {
            case OUT_OF_STOCK -> CancellationReason.OUT_OF_STOCK;
            case PAYMENT_DECLINED -> CancellationReason.PAYMENT_DECLINED;
            case TIMED_OUT -> CancellationReason.TIMED_OUT;
        };
    }

    private static EmailKind kind(dev.eventshop.email.notification.domain.EmailKind kind) {
        return switch (kind) {
            case ORDER_CONFIRMED -> EmailKind.ORDER_CONFIRMED;
            case ORDER_CANCELLED -> EmailKind.ORDER_CANCELLED;
        };
    }
}
