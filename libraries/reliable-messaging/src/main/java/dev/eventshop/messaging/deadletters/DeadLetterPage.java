package dev.eventshop.messaging.deadletters;

import java.util.List;

/**
 * One page of the dead letters a filter matches, newest first.
 *
 * @param total how many match in all
 * @param truncated whether a dead-letter partition held more records than one listing reads, so that older ones are
 *     left out (see {@code eventshop.messaging.dead-letters.max-scan})
 */
public record DeadLetterPage(List<DeadLetter> items, int page, int size, long total, boolean truncated) {

    /** The largest page. */
    public static final int MAX_SIZE = 200;

    public DeadLetterPage {
        items = List.copyOf(items);
    }
}
