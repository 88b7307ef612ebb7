/** The use cases of orders: placing one, moving it along the saga, and reading orders and their timelines. */
@NullMarked
package dev.eventshop.order.lifecycle.application;

import org.jspecify.annotations.NullMarked;
