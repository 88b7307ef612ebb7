package dev.eventshop.messaging.deadletters;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One redrive of a dead letter, as it is recorded.
 *
 * @param deadLetter the record handed back
 * @param eventId its {@code ce_id}, if it has one
 * @param at when
 * @param request who asked
 * @param outcome whether the record reached the service's consumer again
 * @param target where it was written, {@code <topic>-<partition>-<offset>}, when it was
 * @param detail why it was not, when it was not
 */
public record Redrive(DeadLetterId deadLetter, @Nullable String eventId, Instant at, RedriveRequest request,
        Outcome outcome, @Nullable String target, @Nullable String detail) {

    public enum Outcome {
        /** Written to the service's first retry topic, which only its own consumer group reads. */
        REDRIVEN,
        /** Could not be written; the dead letter stays as it was. */
        FAILED
    }

    /**
     * Who asked for a redrive.
     *
     * @param traceId the request's trace
     * @param idempotencyKey its {@code Idempotency-Key}, if it sent one
     * @param remoteAddress where it came from
     */
    public record RedriveRequest(@Nullable String traceId, @Nullable String idempotencyKey,
            @Nullable String remoteAddress) {

        public static RedriveRequest unknown() {
            return new RedriveRequest(null, null, null);
        }
    }
}
