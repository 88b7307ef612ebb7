/** The catalog replica's Kafka edge: product states in from the compacted {@code product-catalog} topic. */
@NullMarked
package dev.eventshop.order.catalog.messaging;

import org.jspecify.annotations.NullMarked;
