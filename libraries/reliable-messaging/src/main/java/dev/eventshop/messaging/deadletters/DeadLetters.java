package dev.eventshop.messaging.deadletters;

import dev.eventshop.messaging.deadletters.Redrive.Outcome;
import dev.eventshop.messaging.deadletters.Redrive.RedriveRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's dead letters: listing them, reading one in full, and redriving them to the service's own consumer,
 * each redrive recorded and logged. A dead letter redriven once is marked as such, and a second redrive of it is
 * refused unless forced; a redriven record that fails again is a new dead letter.
 */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final Comparator<DeadLetter> NEWEST_FIRST = Comparator.comparing(DeadLetter::deadLetteredAt)
            .thenComparing(letter -> letter.id().toString()).reversed();

    private final DeadLetterTopics topics;
    private final RedriveLog redrives;
    private final Clock clock;
    private final int maxScan;

    /** @param maxScan the most records read from one dead-letter partition for a listing or a bulk redrive */
    public DeadLetters(DeadLetterTopics topics, RedriveLog redrives, Clock clock, int maxScan) {
        this.topics = topics;
        this.redrives = redrives;
        this.clock = clock;
        this.maxScan = maxScan;
    }

    /** One page of the dead letters that match, newest first; {@code size} is at most {@link DeadLetterPage#MAX_SIZE}. */
    public DeadLetterPage list(DeadLetterFilter filter, int page, int size) {
        if (page < 0 || size < 1 || size > DeadLetterPage.MAX_SIZE) {
            throw new IllegalArgumentException("page " + page + " of size " + size + " is not a page");
        }
        DeadLetterTopics.Scan scan = topics.scan(maxScan);
        List<DeadLetter> matching = matching(scan, filter);
        List<DeadLetter> items = matching.stream().skip((long) page * size).limit(size).toList();
        return new DeadLetterPage(items, page, size, matching.size(), scan.truncated());
    }

    /** A dead letter with its original value and headers. */
    public DeadLetterContent find(DeadLetterId id) {
        StoredRecord record = topics.read(id).orElseThrow(() -> new UnknownDeadLetterException(id));
        return new DeadLetterContent(deadLetter(record, redrives.lastRedriven(id).orElse(null)), record.value(),
                record.headers());
    }

    /**
     * Hands a dead letter back to the service's own consumer: its original value and headers, without the failure
     * and retry state, on the service's first retry topic, where it is processed at once. Refused with
     * {@link AlreadyRedrivenException} if it was redriven before, unless forced.
     */
    public Redrive redrive(DeadLetterId id, RedriveRequest request, boolean force) {
        Redrive redrive = redrives.exclusively(id, () -> {
            StoredRecord record = topics.read(id).orElseThrow(() -> new UnknownDeadLetterException(id));
            Optional<Redrive> previous = redrives.lastRedriven(id);
            if (previous.isPresent() && !force) {
                throw new AlreadyRedrivenException(previous.get());
            }
            return redrive(record, request);
        });
        // Thrown once the failed attempt is recorded for good, outside the recording transaction.
        if (redrive.outcome() == Outcome.FAILED) {
            throw new RedriveFailedException(redrive);
        }
        return redrive;
    }

    /**
     * Redrives, oldest first, up to {@code limit} of the dead letters that match and have not been redriven yet.
     */
    public BulkRedrive redriveAll(DeadLetterFilter filter, RedriveRequest request, int limit) {
        List<DeadLetter> matching = matching(topics.scan(maxScan), filter.notRedriven()).reversed();
        List<Redrive> redriven = new ArrayList<>();
        List<Redrive> failed = new ArrayList<>();
        for (DeadLetter letter : matching.subList(0, Math.min(limit, matching.size()))) {
            try {
                redriven.add(redrive(letter.id(), request, false));
            } catch (RedriveFailedException e) {
                failed.add(e.redrive());
            } catch (AlreadyRedrivenException e) {
                // redriven by someone else since the listing: done, not ours to repeat
            }
        }
        return new BulkRedrive(redriven, failed, Math.max(0, matching.size() - limit));
    }

    /**
     * The dead letters waiting for an operator, by source topic: the records the dead-letter topics hold, less those
     * redriven already.
     */
    public Map<String, Long> depth() {
        Map<DeadLetterId, Redrive> redriven = redrives.allRedriven();
        Map<String, Long> depth = new HashMap<>();
        for (DeadLetterTopics.Span span : topics.spans()) {
            long handled = redriven.keySet().stream()
                    .filter(id -> id.deadLetterTopic().equals(span.deadLetterTopic())
                            && id.partition() == span.partition()
                            && id.offset() >= span.start() && id.offset() < span.end())
                    .count();
            depth.merge(topics.sourceTopic(span.deadLetterTopic()), span.end() - span.start() - handled, Long::sum);
        }
        return depth;
    }

    private Redrive redrive(StoredRecord record, RedriveRequest request) {
        DeadLetter letter = deadLetter(record, null);
        List<StoredRecord.Header> headers = new ArrayList<>(record.headers().stream()
                .filter(header -> !DeadLetter.Headers.droppedOnRedrive(header.name())).toList());
        headers.add(new StoredRecord.Header(DeadLetter.Headers.REDRIVE_OF,
                record.id().toString().getBytes(StandardCharsets.UTF_8)));
        Redrive redrive;
        try {
            String target = topics.redrive(letter.topic(), record, headers);
            redrive = new Redrive(record.id(), letter.eventId(), now(), request, Outcome.REDRIVEN, target,
                    null);
            log.info("Redrove dead letter {} ({} {}, failed with {}) to {} for request {}", record.id(),
                    letter.type(), letter.eventId(), letter.failure().exceptionClass(), target, request);
        } catch (RuntimeException e) {
            redrive = new Redrive(record.id(), letter.eventId(), now(), request, Outcome.FAILED, null,
                    String.valueOf(e.getMessage()));
            log.warn("Redrive of dead letter {} ({} {}) for request {} failed", record.id(), letter.type(),
                    letter.eventId(), request, e);
        }
        redrives.record(redrive);
        return redrive;
    }

    /** To the microsecond, as the record of redrives keeps it. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private List<DeadLetter> matching(DeadLetterTopics.Scan scan, DeadLetterFilter filter) {
        Map<DeadLetterId, Redrive> redriven = redrives.allRedriven();
        return scan.records().stream()
                .map(record -> deadLetter(record, redriven.get(record.id())))
                .filter(filter::matches)
                .sorted(NEWEST_FIRST)
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private DeadLetter deadLetter(StoredRecord record, @Nullable Redrive redrive) {
        return DeadLetter.of(record, topics.sourceTopic(record.id().deadLetterTopic()), redrive);
    }
}
