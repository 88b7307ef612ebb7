/** Orders and their timelines in PostgreSQL, through plain JDBC. */
@NullMarked
package dev.eventshop.order.order.persistence;

import org.jspecify.annotations.NullMarked;
