/** The payments' Kafka edge: stock reservations in through an idempotent consumer, outcomes out through the outbox. */
@NullMarked
package dev.eventshop.payment.charging.messaging;

import org.jspecify.annotations.NullMarked;
