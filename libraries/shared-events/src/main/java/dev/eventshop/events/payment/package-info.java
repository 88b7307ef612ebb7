/** Events the payment-service publishes on {@code payment-events}, keyed by order id. */
@NullMarked
package dev.eventshop.events.payment;

import org.jspecify.annotations.NullMarked;
