/**
 * Real infrastructure for integration tests, started once per test JVM: Testcontainers where Docker runs, Spring
 * Kafka's embedded KRaft broker and embedded PostgreSQL binaries where it does not. The same tests run on both.
 *
 * <p>And what the services' tests share, so that each keeps only what is its own: the integration-test base
 * ({@link dev.eventshop.testsupport.ServiceIntegrationTest}), the events of the other services
 * ({@link dev.eventshop.testsupport.EventInjector}), the contracts of operations and of bad input, and the layering.
 */
@NullMarked
package dev.eventshop.testsupport;

import org.jspecify.annotations.NullMarked;
