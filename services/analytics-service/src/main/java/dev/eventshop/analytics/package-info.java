/**
 * The analytics-service: reads every topic of the system into read models of its own, serves them as figures and as a
 * live dashboard, and rebuilds them from the start of the topics.
 */
@NullMarked
package dev.eventshop.analytics;

import org.jspecify.annotations.NullMarked;
