package dev.eventshop.messaging.outbox;

import java.util.Set;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jspecify.annotations.Nullable;

/**
 * Tells a send the broker refused because of the record itself from one that failed because of the broker or the
 * network. Only the first kind is the row's fault: sending it again fails the same way until someone changes the
 * record's topic, its size limit or its authorisation, so the row is counted towards parking. Everything else
 * (timeouts, missing replicas, an unreachable or unauthorising cluster) would hit every row alike: the whole relay
 * backs off and retries, and no row is parked for it.
 *
 * <p>A topic missing from the cluster usually surfaces as a {@link org.apache.kafka.common.errors.TimeoutException}
 * (no metadata within {@code max.block.ms}), which an unreachable cluster raises too, so it counts as transient;
 * services create their topics at start-up.
 */
final class SendFailures {

    private static final Set<Class<? extends Throwable>> PERMANENT = Set.of(RecordTooLargeException.class,
            RecordBatchTooLargeException.class, TopicAuthorizationException.class, InvalidTopicException.class,
            UnknownTopicOrPartitionException.class, SerializationException.class, InvalidRecordException.class);

    private SendFailures() {
    }

    /** Whether {@code failure}, or what caused it, says the broker will never accept this record as it is. */
    static boolean isPermanent(@Nullable Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            for (Class<? extends Throwable> permanent : PERMANENT) {
                if (permanent.isInstance(cause)) {
                    return true;
                }
            }
        }
        return false;
    }
}
