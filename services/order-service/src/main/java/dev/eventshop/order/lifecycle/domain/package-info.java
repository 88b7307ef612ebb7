/** The order aggregate: a state machine from PENDING to CONFIRMED or CANCELLED, free of any framework. */
@NullMarked
package dev.eventshop.order.lifecycle.domain;

import org.jspecify.annotations.NullMarked;
