/**
 * The use cases of the read models: projecting events into them, reading the summary, and rebuilding them from the
 * start of the topics into a new generation while the current one keeps serving. Ports for the adapters.
 */
@NullMarked
package dev.eventshop.analytics.sales.application;

import org.jspecify.annotations.NullMarked;
