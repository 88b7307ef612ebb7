package dev.eventshop.email.notification.messaging;

import dev.eventshop.email.notification.application.CustomerEmails;
import dev.eventshop.email.notification.application.IntegrationEvents;
import dev.eventshop.email.notification.application.MailerException;
import dev.eventshop.email.notification.domain.NoEmailAddressException;
import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.MalformedEventException;
import dev.eventshop.events.Topics;
import dev.eventshop.events.order.OrderCancelled;
import dev.eventshop.events.order.OrderConfirmed;
import dev.eventshop.messaging.errors.DependencyUnavailableException;
import dev.eventshop.messaging.inbox.BatchedFetches;
import dev.eventshop.messaging.inbox.EventHandlers;
import dev.eventshop.messaging.inbox.Inbox;
import dev.eventshop.messaging.inbox.IncomingEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Mails the customer when an order is confirmed or cancelled; the order's other events are none of its business and
 * leave no trace. A redelivered event is dropped by the inbox, another event calling for an email that was sent
 * already changes nothing. An SMTP server that is away is waited for in place, as a database would be, so its outage
 * dead-letters nothing; an email the server rejects goes through the retry topics to the dead-letter topic.
 */
@Component
class OrderEventListener {

    private final EventHandlers handlers;

    OrderEventListener(Inbox inbox, CustomerEmails emails) {
        EventHandlers.Handler<IntegrationEvent> mail = (outcome, event) -> {
            try {
                emails.send(IntegrationEvents.outcomeOf(outcome).orElseThrow(), event.id());
            } catch (MailerException e) {
                if (e.serverUnavailable()) {
                    throw new DependencyUnavailableException("the SMTP server is unavailable", e);
                }
                throw e;
            } catch (NoEmailAddressException e) {
                // Retrying cannot give the customer an address: straight to the dead-letter topic.
                throw new MalformedEventException(event + " cannot be mailed: " + e.getMessage(), e);
            }
        };
        handlers = inbox.handlers().on(OrderConfirmed.class, mail).on(OrderCancelled.class, mail).build();
    }

    /**
     * One consumer thread per partition of the topic: each email waits for the SMTP server and two commits, and
     * emails of different orders do not depend on each other, so one thread fell behind at 16 orders a second
     * (docs/benchmarks.md). Each order's events stay in order on their partition. An email may leave a second
     * later, so the fetches are batched: half the events read here are ignored.
     */
    @KafkaListener(topics = Topics.Names.ORDER_EVENTS, concurrency = "${eventshop.email.consumers}",
            properties = {BatchedFetches.MIN_BYTES, BatchedFetches.MAX_WAIT})
    void on(IncomingEvent<?> event) {
        handlers.handle(event);
    }
}
