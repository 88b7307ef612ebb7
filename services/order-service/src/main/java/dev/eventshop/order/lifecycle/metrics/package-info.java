/** The order pipeline's health as metrics: outcomes, time to the final status, orders still pending. */
@NullMarked
package dev.eventshop.order.lifecycle.metrics;

import org.jspecify.annotations.NullMarked;
