/**
 * The order-service: takes orders over REST, prices them from its replica of the product catalog and drives the
 * order saga by events.
 */
@NullMarked
package dev.eventshop.order;

import org.jspecify.annotations.NullMarked;
