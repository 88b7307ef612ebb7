package dev.eventshop.inventory.stock.application;

import dev.eventshop.events.IntegrationEvent;

/** Publishes the inventory's integration events if and only if the caller's transaction commits. */
public interface InventoryEventOutbox {

    void append(IntegrationEvent event);
}
