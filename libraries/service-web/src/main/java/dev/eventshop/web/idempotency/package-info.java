/**
 * {@code Idempotency-Key} for the endpoints that opt in through {@link IdempotentRequests}: claim the key, run the
 * work once, store its answer with its effect, and replay that answer to every retry.
 */
@NullMarked
package dev.eventshop.web.idempotency;

import org.jspecify.annotations.NullMarked;
