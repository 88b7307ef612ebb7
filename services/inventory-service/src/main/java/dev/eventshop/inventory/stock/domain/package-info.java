/**
 * Products and their stock, and the reservations that hold it for orders in flight: the rules of reserving every line
 * or none, releasing and committing, free of any framework.
 */
@NullMarked
package dev.eventshop.inventory.stock.domain;

import org.jspecify.annotations.NullMarked;
