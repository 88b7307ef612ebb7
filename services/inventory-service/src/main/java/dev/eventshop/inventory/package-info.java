/**
 * The inventory-service: owns products, prices and stock, reserves and releases stock for the order saga, and
 * publishes every product's state to the product catalog topic.
 */
@NullMarked
package dev.eventshop.inventory;

import org.jspecify.annotations.NullMarked;
