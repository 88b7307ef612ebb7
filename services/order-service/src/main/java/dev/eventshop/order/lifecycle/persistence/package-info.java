/** Orders and their timelines in PostgreSQL, through plain JDBC. */
@NullMarked
package dev.eventshop.order.lifecycle.persistence;

import org.jspecify.annotations.NullMarked;
