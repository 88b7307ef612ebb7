/** The order's Kafka edge: saga events in through idempotent consumers, the order's events out through the outbox. */
@NullMarked
package dev.eventshop.order.lifecycle.messaging;

import org.jspecify.annotations.NullMarked;
