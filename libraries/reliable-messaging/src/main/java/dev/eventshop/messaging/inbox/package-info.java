/** The consuming side: decoding CloudEvents records and running each event's effect exactly once. */
@NullMarked
package dev.eventshop.messaging.inbox;

import org.jspecify.annotations.NullMarked;
