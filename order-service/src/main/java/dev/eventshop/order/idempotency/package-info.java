/** Idempotency-Key handling for POST requests: claim a key, run the work once, replay its response to retries. */
@NullMarked
package dev.eventshop.order.idempotency;

import org.jspecify.annotations.NullMarked;
