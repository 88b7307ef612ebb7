/** {@code /dead-letters}: the HTTP adapter over {@code DeadLetters}, for servlet services. */
@NullMarked
package dev.eventshop.messaging.deadletters.web;

import org.jspecify.annotations.NullMarked;
