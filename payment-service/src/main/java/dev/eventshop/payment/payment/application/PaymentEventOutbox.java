package dev.eventshop.payment.payment.application;

import dev.eventshop.events.IntegrationEvent;

/** Publishes payment outcomes if and only if the caller's transaction commits. */
public interface PaymentEventOutbox {

    void append(IntegrationEvent event);
}
