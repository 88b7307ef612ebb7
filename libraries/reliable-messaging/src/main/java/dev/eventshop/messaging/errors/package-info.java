/** Non-blocking retry topics and a dead-letter topic per consuming service and topic. */
@NullMarked
package dev.eventshop.messaging.errors;

import org.jspecify.annotations.NullMarked;
