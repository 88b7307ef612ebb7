/** Reading a service's dead-letter topics, redriving records to its first retry topic, keeping dead letters for good. */
@NullMarked
package dev.eventshop.messaging.deadletters.kafka;

import org.jspecify.annotations.NullMarked;
