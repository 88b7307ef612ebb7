package dev.eventshop.messaging.deadletters.web;

import dev.eventshop.messaging.deadletters.BulkRedrive;
import dev.eventshop.messaging.deadletters.DeadLetter;
import dev.eventshop.messaging.deadletters.DeadLetterContent;
import dev.eventshop.messaging.deadletters.DeadLetterPage;
import dev.eventshop.messaging.deadletters.Redrive;
import dev.eventshop.messaging.deadletters.StoredRecord;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of {@code /dead-letters}. */
final class DeadLetterViews {

    private DeadLetterViews() {
    }

    /**
     * One dead letter.
     *
     * @param id its id in {@code /dead-letters/{id}}: {@code <dead-letter topic>-<partition>-<offset>}
     * @param topic the topic it was first published on
     * @param partition its partition there
     * @param offset its offset there
     * @param ceType the CloudEvents type
     * @param ceId the CloudEvents id
     * @param failure why its last attempt failed
     * @param firstFailedAt when its first attempt failed
     * @param deadLetteredAt when it was given up and written to the dead-letter topic
     * @param attempts deliveries before it was given up
     * @param redriveOf the dead letter it is a redrive of, if a redriven record failed again
     * @param redrive its last redrive, if it was redriven: redrive it again only with {@code force=true}
     */
    record DeadLetterView(String id, String topic, @Nullable Integer partition, @Nullable Long offset,
            @Nullable String key, @Nullable String ceType, @Nullable String ceId, FailureView failure,
            Instant firstFailedAt, Instant deadLetteredAt, int attempts, @Nullable String redriveOf,
            @Nullable RedriveView redrive) {

        static DeadLetterView of(DeadLetter letter) {
            return new DeadLetterView(letter.id().toString(), letter.topic(), letter.partition(), letter.offset(),
                    letter.key(), letter.type(), letter.eventId(),
                    new FailureView(letter.failure().exceptionClass(), letter.failure().message()),
                    letter.firstFailedAt(), letter.deadLetteredAt(), letter.attempts(),
                    letter.redriveOf() == null ? null : letter.redriveOf().toString(),
                    letter.redrive() == null ? null : RedriveView.of(letter.redrive()));
        }
    }

    /**
     * @param exception the exception's class, fully qualified (the root cause's, when there is one)
     */
    record FailureView(@Nullable String exception, @Nullable String message) {
    }

    /**
     * A page of dead letters, newest first.
     *
     * @param total how many match in all
     * @param truncated whether older dead letters were left out of the listing
     */
    record PageView(List<DeadLetterView> items, int page, int size, long total, boolean truncated) {

        static PageView of(DeadLetterPage page) {
            return new PageView(page.items().stream().map(DeadLetterView::of).toList(), page.page(), page.size(),
                    page.total(), page.truncated());
        }
    }

    /**
     * A dead letter with the record's original value and headers.
     *
     * @param value the value as UTF-8 text (a CloudEvent's JSON), or null when it is not text
     * @param valueBase64 the value's bytes, exactly
     */
    record ContentView(DeadLetterView deadLetter, @Nullable String value, @Nullable String valueBase64,
            List<HeaderView> headers) {

        static ContentView of(DeadLetterContent content) {
            return new ContentView(DeadLetterView.of(content.deadLetter()), text(content.value()),
                    base64(content.value()), content.headers().stream().map(HeaderView::of).toList());
        }
    }

    /**
     * @param value the header's value as UTF-8 text, or null when it is binary (the retry headers' numbers)
     * @param valueBase64 its bytes, exactly
     */
    record HeaderView(String name, @Nullable String value, @Nullable String valueBase64) {

        static HeaderView of(StoredRecord.Header header) {
            return new HeaderView(header.name(), text(header.value()), base64(header.value()));
        }
    }

    /**
     * A redrive.
     *
     * @param outcome {@code REDRIVEN}: handed to the service's consumer; {@code FAILED}: could not be
     * @param target where the record was written
     * @param traceId the trace of the request that asked for it
     */
    record RedriveView(String deadLetter, @Nullable String ceId, Instant at, String outcome, @Nullable String target,
            @Nullable String detail, @Nullable String traceId, @Nullable String idempotencyKey,
            @Nullable String remoteAddress) {

        static RedriveView of(Redrive redrive) {
            return new RedriveView(redrive.deadLetter().toString(), redrive.eventId(), redrive.at(),
                    redrive.outcome().name(), redrive.target(), redrive.detail(), redrive.request().traceId(),
                    redrive.request().idempotencyKey(), redrive.request().remoteAddress());
        }
    }

    /**
     * What a redrive by filter did.
     *
     * @param remaining dead letters that match beyond this request's limit: ask again
     */
    record BulkRedriveView(List<RedriveView> redriven, List<RedriveView> failed, long remaining) {

        static BulkRedriveView of(BulkRedrive bulk) {
            return new BulkRedriveView(bulk.redriven().stream().map(RedriveView::of).toList(),
                    bulk.failed().stream().map(RedriveView::of).toList(), bulk.remaining());
        }
    }

    private static @Nullable String text(byte @Nullable [] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static @Nullable String base64(byte @Nullable [] bytes) {
        return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
    }
}
