package dev.eventshop.messaging.deadletters;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A dead letter with its original value and headers, exactly as the record carries them. */
public record DeadLetterContent(DeadLetter deadLetter, byte @Nullable [] value, List<StoredRecord.Header> headers) {

    public DeadLetterContent {
        headers = List.copyOf(headers);
    }
}
