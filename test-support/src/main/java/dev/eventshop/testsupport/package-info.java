/**
 * Real infrastructure for integration tests, started once per test JVM: Testcontainers where Docker runs, Spring
 * Kafka's embedded KRaft broker and embedded PostgreSQL binaries where it does not. The same tests run on both.
 */
@NullMarked
package dev.eventshop.testsupport;

import org.jspecify.annotations.NullMarked;
