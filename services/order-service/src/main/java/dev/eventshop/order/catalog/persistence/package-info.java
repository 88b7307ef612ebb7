/** The catalog replica's table. */
@NullMarked
package dev.eventshop.order.catalog.persistence;

import org.jspecify.annotations.NullMarked;
