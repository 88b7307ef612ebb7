/** The record of redrives, in the service's database. */
@NullMarked
package dev.eventshop.messaging.deadletters.jdbc;

import org.jspecify.annotations.NullMarked;
