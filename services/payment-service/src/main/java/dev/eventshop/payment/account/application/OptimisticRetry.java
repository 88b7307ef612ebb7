package dev.eventshop.payment.account.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a load-decide-append attempt on the ledger, and runs it again from the start when another writer appended to
 * the account first, up to {@code max-attempts} times. Nothing is locked while deciding; the ledger's unique
 * {@code (account_id, version)} makes the slower of two writers fail instead of overwriting, and the retry decides
 * again on what the faster one left (the money it took is gone).
 *
 * <p>Each attempt runs in a transaction of its own, or in a savepoint of the caller's transaction when there is one
 * (a Kafka listener's idempotent consumer, a deposit with an {@code Idempotency-Key}), so that a failed attempt leaves
 * nothing behind and PostgreSQL, which refuses every statement after an error until rollback, can go on with the next
 * attempt. There is no pause between
 * attempts: the slower writer waited on the faster one's key until it committed, so the next attempt already sees
 * what it wrote. Past {@code max-attempts} the caller fails; a Kafka listener's record then goes to its retry topics,
 * which do back off.
 */
@Component
public class OptimisticRetry {

    private static final Logger log = LoggerFactory.getLogger(OptimisticRetry.class);

    private final TransactionTemplate attempt;
    private final int maxAttempts;
    private final Counter conflicts;

    OptimisticRetry(PlatformTransactionManager transactions, AccountProperties properties, MeterRegistry meters) {
        this.attempt = new TransactionTemplate(transactions);
        this.attempt.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.maxAttempts = properties.maxAttempts();
        this.conflicts = Counter.builder("eventshop.payment.ledger.conflicts")
                .description("Ledger appends that lost the race for a version to another writer")
                .register(meters);
    }

    /**
     * Runs {@code work} until it does not conflict.
     *
     * @throws ConcurrentLedgerUpdateException when the last attempt conflicted too
     */
    public <T> T run(Supplier<T> work) {
        for (int attempts = 1; ; attempts++) {
            try {
                return Objects.requireNonNull(attempt.execute(status -> work.get()));
            } catch (ConcurrentLedgerUpdateException e) {
                conflicts.increment();
                if (attempts >= maxAttempts) {
                    throw e;
                }
                log.info("Attempt {} of {} lost a race: {}; deciding again", attempts, maxAttempts, e.getMessage());
            }
        }
    }
}
