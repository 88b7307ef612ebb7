package dev.eventshop.messaging.deadletters;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a dead letter is: its dead-letter topic, partition and offset, written {@code <topic>-<partition>-<offset>}
 * (URL-safe, as topic names are).
 */
public record DeadLetterId(String deadLetterTopic, int partition, long offset) {

    private static final Pattern FORM = Pattern.compile("([A-Za-z0-9._-]+)-(\\d{1,9})-(\\d{1,18})");

    public DeadLetterId {
        if (deadLetterTopic.isBlank() || partition < 0 || offset < 0) {
            throw new IllegalArgumentException("not a dead letter: " + deadLetterTopic + "/" + partition + "/"
                    + offset);
        }
    }

    /** The id of {@link #toString()}; a {@link MalformedDeadLetterIdException} for anything else. */
    public static DeadLetterId parse(String id) {
        Matcher matcher = FORM.matcher(id);
        if (!matcher.matches()) {
            throw new MalformedDeadLetterIdException(id);
        }
        return new DeadLetterId(matcher.group(1), Integer.parseInt(matcher.group(2)),
                Long.parseLong(matcher.group(3)));
    }

    @Override
    public String toString() {
        return deadLetterTopic + "-" + partition + "-" + offset;
    }
}
