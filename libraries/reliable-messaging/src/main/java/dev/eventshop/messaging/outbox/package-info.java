/**
 * The transactional outbox: events appended in the business transaction, published by one active relay per service.
 */
@NullMarked
package dev.eventshop.messaging.outbox;

import org.jspecify.annotations.NullMarked;
