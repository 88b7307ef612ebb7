/**
 * The inventory's use cases: reserving, releasing and committing an order's stock, restocking and reading products,
 * and publishing every product change, each in one transaction with the events it causes.
 */
@NullMarked
package dev.eventshop.inventory.stock.application;

import org.jspecify.annotations.NullMarked;
