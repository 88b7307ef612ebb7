/** The dead-letter depth gauge. */
@NullMarked
package dev.eventshop.messaging.deadletters.metrics;

import org.jspecify.annotations.NullMarked;
