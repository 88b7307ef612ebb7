/** What every service needs to be watched: metrics, traces and logs, each exported by configuration alone. */
@NullMarked
package dev.eventshop.observability;

import org.jspecify.annotations.NullMarked;
