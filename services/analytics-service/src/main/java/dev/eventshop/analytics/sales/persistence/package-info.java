/** The read models and their generations in PostgreSQL, through plain JDBC. */
@NullMarked
package dev.eventshop.analytics.sales.persistence;

import org.jspecify.annotations.NullMarked;
