/**
 * The event contracts every service shares: the shared value types, the topics, the catalog of event types and their
 * wire form. Plain Java and Jackson, no Spring: a consumer depends on this module, never on another service.
 */
@NullMarked
package dev.eventshop.events;

import org.jspecify.annotations.NullMarked;
