/**
 * Dead letters a service can see and redrive: what its dead-letter topics hold, each record's failure, and handing a
 * record back to the service's own consumer once its cause is fixed. The types here are plain Java; {@code kafka},
 * {@code jdbc} and {@code web} are the adapters, wired by {@code DeadLettersAutoConfiguration}.
 */
@NullMarked
package dev.eventshop.messaging.deadletters;

import org.jspecify.annotations.NullMarked;
