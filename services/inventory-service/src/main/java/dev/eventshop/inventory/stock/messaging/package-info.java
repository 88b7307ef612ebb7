/** The inventory's Kafka edge: saga events in through idempotent consumers, its own events out through the outbox. */
@NullMarked
package dev.eventshop.inventory.stock.messaging;

import org.jspecify.annotations.NullMarked;
