package dev.eventshop.messaging.deadletters;

import java.util.List;

/**
 * What a redrive by filter did.
 *
 * @param redriven the redrives done
 * @param failed the redrives that could not be done
 * @param remaining how many more dead letters match, beyond the limit of one request
 */
public record BulkRedrive(List<Redrive> redriven, List<Redrive> failed, long remaining) {

    public BulkRedrive {
        redriven = List.copyOf(redriven);
        failed = List.copyOf(failed);
    }
}
