package dev.eventshop.events;

/**
 * How a service publishes an integration event: inside its own database transaction, so that the event leaves if and
 * only if the business change commits (the messaging library implements it with a transactional outbox). Application
 * code depends on this, never on Kafka or the outbox.
 */
public interface EventPublisher {

    /**
     * Publishes the event once the caller's transaction commits.
     *
     * @return the id and time consumers will see it with
     * @throws IllegalStateException when there is no transaction to publish with
     */
    PublishedEvent publish(IntegrationEvent event);
}
