/**
 * The order-service's replica of the product catalog, kept from the compacted {@code product-catalog} topic: the only
 * source of prices.
 */
@NullMarked
package dev.eventshop.order.catalog;

import org.jspecify.annotations.NullMarked;
