/**
 * The whole system as real local processes without Docker (Kafka, PostgreSQL and the services), for the
 * {@code run-embedded} launcher and for integration tests.
 */
@NullMarked
package dev.eventshop.stack;

import org.jspecify.annotations.NullMarked;
