/** Tasks run every interval while the application runs, purges of rows past their retention among them. */
@NullMarked
package dev.eventshop.housekeeping;

import org.jspecify.annotations.NullMarked;
