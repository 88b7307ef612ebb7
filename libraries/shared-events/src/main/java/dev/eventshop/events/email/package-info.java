/** Events the email-service publishes on {@code email-events}, keyed by order id. */
@NullMarked
package dev.eventshop.events.email;

import org.jspecify.annotations.NullMarked;
