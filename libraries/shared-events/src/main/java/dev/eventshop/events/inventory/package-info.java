/**
 * Events the inventory-service publishes: stock outcomes on {@code inventory-events} (keyed by order id) and product
 * state on the compacted {@code product-catalog} (keyed by SKU).
 */
@NullMarked
package dev.eventshop.events.inventory;

import org.jspecify.annotations.NullMarked;
