/**
 * The read models' Kafka edge: live events in through an idempotent consumer of every topic, and the topics read again
 * from the start, outside any consumer group, for a rebuild.
 */
@NullMarked
package dev.eventshop.analytics.sales.messaging;

import org.jspecify.annotations.NullMarked;
