package dev.eventshop.messaging.deadletters;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which dead letters to list or redrive; every criterion given must hold.
 *
 * @param topic the topic they were first published on
 * @param type their {@code ce_type}
 * @param exception the class of their failure, fully qualified or simple
 * @param from dead-lettered at or after
 * @param to dead-lettered before
 * @param redriven whether they have been redriven already
 */
public record DeadLetterFilter(@Nullable String topic, @Nullable String type, @Nullable String exception,
        @Nullable Instant from, @Nullable Instant to, @Nullable Boolean redriven) {

    public static DeadLetterFilter all() {
        return new DeadLetterFilter(null, null, null, null, null, null);
    }

    public DeadLetterFilter notRedriven() {
        return new DeadLetterFilter(topic, type, exception, from, to, false);
    }

    public boolean matches(DeadLetter letter) {
        return (topic == null || topic.equals(letter.topic()))
                && (type == null || type.equals(letter.type()))
                && (exception == null || exceptionMatches(letter.failure().exceptionClass()))
                && (from == null || !letter.deadLetteredAt().isBefore(from))
                && (to == null || letter.deadLetteredAt().isBefore(to))
                && (redriven == null || redriven == letter.redriven());
    }

    private boolean exceptionMatches(@Nullable String exceptionClass) {
        return exceptionClass != null
                && (exceptionClass.equals(exception) || exceptionClass.endsWith("." + exception)
                        || exceptionClass.endsWith("$" + exception));
    }
}
