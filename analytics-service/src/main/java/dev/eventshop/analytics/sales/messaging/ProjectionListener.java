package dev.eventshop.analytics.sales.messaging;

import dev.eventshop.analytics.sales.application.Projector;
import dev.eventshop.events.Topics;
import dev.eventshop.messaging.inbox.IdempotentConsumer;
import dev.eventshop.messaging.inbox.IncomingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Projects every event of every topic into the read models as it arrives, in the analytics-service's own consumer
 * group. A redelivered event is dropped by the idempotent consumer; should one get past it (its processed-event row
 * purged, or the same fact under a new id), merging its facts again changes nothing either. A failure goes to the
 * service's retry topics, so events may come late and out of order: the projection does not mind.
 */
@Component
class ProjectionListener {

    private static final Logger log = LoggerFactory.getLogger(ProjectionListener.class);

    private final IdempotentConsumer consumer;
    private final Projector projector;

    ProjectionListener(IdempotentConsumer consumer, Projector projector) {
        this.consumer = consumer;
        this.projector = projector;
    }

    /** Subscribes to {@code Topics.ALL}, so a topic added to the system is read here without a change. */
    @KafkaListener(topics = "#{T(dev.eventshop.events.Topics).ALL.![name()]}")
    void on(IncomingEvent<?> event) {
        boolean aboutAnOrder = event.type().topic().key().equals(Topics.ORDER_ID);
        try (MDC.MDCCloseable ignored = aboutAnOrder ? MDC.putCloseable("orderId", event.subject()) : null) {
            if (consumer.handleOnce(event, () -> projector.project(event.payload()))) {
                log.debug("Projected {}", event);
            } else {
                log.debug("Dropped {}: already processed", event);
            }
        }
    }
}
