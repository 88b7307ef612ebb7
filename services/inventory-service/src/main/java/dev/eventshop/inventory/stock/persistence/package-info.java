/** Products and reservations in PostgreSQL, through plain JDBC. */
@NullMarked
package dev.eventshop.inventory.stock.persistence;

import org.jspecify.annotations.NullMarked;
