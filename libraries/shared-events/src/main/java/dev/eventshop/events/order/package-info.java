/** Events the order-service publishes on {@code order-events}, keyed by order id. */
@NullMarked
package dev.eventshop.events.order;

import org.jspecify.annotations.NullMarked;
