/**
 * Reliable messaging on Kafka and PostgreSQL, as Spring Boot auto-configuration: a transactional outbox and its relay
 * ({@code outbox}), idempotent consumers ({@code inbox}), retry topics and dead-lettering ({@code errors}).
 */
@NullMarked
package dev.eventshop.messaging;

import org.jspecify.annotations.NullMarked;
