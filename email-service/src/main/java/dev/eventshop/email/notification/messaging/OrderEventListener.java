package dev.eventshop.email.notification.messaging;

import dev.eventshop.email.notification.application.CustomerEmails;
import dev.eventshop.email.notification.domain.CancellationReason;
import dev.eventshop.email.notification.domain.NoEmailAddressException;
import dev.eventshop.email.notification.domain.OrderLine;
import dev.eventshop.email.notification.domain.OrderOutcome;
import dev.eventshop.events.MalformedEventException;
import dev.eventshop.events.order.OrderCancelled;
import dev.eventshop.events.order.OrderConfirmed;
import dev.eventshop.messaging.inbox.IdempotentConsumer;
import dev.eventshop.messaging.inbox.IncomingEvent;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Mails the customer when an order is confirmed or cancelled; the order's other events are none of its business and
 * leave no trace. A redelivered event is dropped by the idempotent consumer, another event calling for an email that
 * was sent already changes nothing, and a failure to send throws, so the event goes to the retry topics.
 */
@Component
class OrderEventListener {

    /** {@code Topics.ORDER_EVENTS}, as a constant for the annotation. */
    static final String ORDER_EVENTS = "order-events";

    private static final Logger log = LoggerFactory.getLogger(OrderEventListener.class);

    private final IdempotentConsumer consumer;
    private final CustomerEmails emails;

    OrderEventListener(IdempotentConsumer consumer, CustomerEmails emails) {
        this.consumer = consumer;
        this.emails = emails;
    }

    @KafkaListener(topics = ORDER_EVENTS)
    void on(IncomingEvent<?> event) {
        Optional<OrderOutcome> outcome = outcomeOf(event);
        if (outcome.isEmpty()) {
            log.debug("Ignored {}: no email goes with it", event);
            return;
        }
        try (MDC.MDCCloseable ignored = MDC.putCloseable("orderId", event.subject())) {
            boolean handled = consumer.handleOnce(event, () -> emails.send(outcome.get(), event.id()));
            if (!handled) {
                log.info("Dropped {}: already processed", event);
            }
        } catch (NoEmailAddressException e) {
            // Retrying cannot give the customer an address: straight to the dead-letter topic, like a malformed event.
            throw new MalformedEventException(event + " cannot be mailed: " + e.getMessage(), e);
        }
    }

    /** The outcome an event tells of, if it is one the customer gets an email about. */
    static Optional<OrderOutcome> outcomeOf(IncomingEvent<?> event) {
        return Optional.ofNullable(switch (event.payload()) {
            case OrderConfirmed confirmed -> new OrderOutcome.Confirmed(confirmed.orderId(), confirmed.customerId(),
                    lines(confirmed.lines()), confirmed.total());
            case OrderCancelled cancelled -> new OrderOutcome.Cancelled(cancelled.orderId(), cancelled.customerId(),
                    lines(cancelled.lines()), cancelled.total(), reason(cancelled.reason()));
            default -> null;
        });
    }

    private static List<OrderLine> lines(List<dev.eventshop.events.order.OrderLine> lines) {
        return lines.stream().map(line -> new OrderLine(line.sku(), line.quantity(), line.unitPrice())).toList();
    }

    private static CancellationReason reason(dev.eventshop.events.order.CancellationReason reason) {
        return switch (reason) {
            case OUT_OF_STOCK -> CancellationReason.OUT_OF_STOCK;
            case PAYMENT_DECLINED -> CancellationReason.PAYMENT_DECLINED;
        };
    }
}
