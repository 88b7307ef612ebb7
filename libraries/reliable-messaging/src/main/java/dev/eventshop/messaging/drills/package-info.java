/** Faults that tests inject into a running service, switched on by configuration only. */
@NullMarked
package dev.eventshop.messaging.drills;

import org.jspecify.annotations.NullMarked;
