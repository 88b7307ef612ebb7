package dev.eventshop.analytics.sales.messaging;

import dev.eventshop.analytics.sales.application.Projector;
import dev.eventshop.events.Topics;
import dev.eventshop.messaging.inbox.BatchedFetches;
import dev.eventshop.messaging.inbox.EventHandlers;
import dev.eventshop.messaging.inbox.Inbox;
import dev.eventshop.messaging.inbox.IncomingEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Projects every event of every topic into the read models as it arrives, in the analytics-service's own consumer
 * group. A redelivered event is dropped by the inbox; should one get past it (its processed-event row purged, or the
 * same fact under a new id), merging its facts again changes nothing either. A failure goes to the service's retry
 * topics, so events may come late and out of order: the projection does not mind.
 */
@Component
class ProjectionListener {

    private final EventHandlers handlers;

    ProjectionListener(Inbox inbox, Projector projector) {
        handlers = inbox.handlers().onEveryOtherEvent((payload, event) -> projector.project(payload)).build();
    }

    /**
     * Every topic of {@code Topics.ALL}; {@code ProjectionListenerTest} fails when one is added and not here. A read
     * model may be a second behind, and it reads every record of every order, so its fetches are batched.
     */
    @KafkaListener(topics = {Topics.Names.ORDER_EVENTS, Topics.Names.INVENTORY_EVENTS, Topics.Names.PAYMENT_EVENTS,
        Topics.Names.EMAIL_EVENTS, Topics.Names.PRODUCT_CATALOG},
            properties = {BatchedFetches.MIN_BYTES, BatchedFetches.MAX_WAIT})
    void on(IncomingEvent<?> event) {
        handlers.handle(event);
    }
}
