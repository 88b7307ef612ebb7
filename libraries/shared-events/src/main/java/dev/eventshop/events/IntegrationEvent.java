package dev.eventshop.events;

/**
 * An immutable fact one service publishes for others on Kafka. Implementations are records named in the past tense.
 */
public interface IntegrationEvent {

    /** The aggregate this event is about: the record key and the CloudEvents {@code subject}. */
    String aggregateId();
}
