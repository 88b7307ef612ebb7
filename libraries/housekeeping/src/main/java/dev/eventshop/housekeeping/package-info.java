/** Scheduled purges of rows past their retention, shared by the libraries and the services. */
@NullMarked
package dev.eventshop.housekeeping;

import org.jspecify.annotations.NullMarked;
