package dev.eventshop.order.idempotency;

import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a request's work at most once per idempotency key. The key is claimed in a short transaction of its own before
 * the work starts, so that a concurrent request with the same key sees it in flight; the response is stored in the
 * work's own transaction, so that it exists if and only if the work committed; and the key is released when the work
 * fails, so that a retry starts afresh.
 */
@Service
public class IdempotentRequests {

    private static final Logger log = LoggerFactory.getLogger(IdempotentRequests.class);
    private static final int CLAIM_ATTEMPTS = 3;

    private final IdempotencyKeyStore keys;
    private final TransactionTemplate inTransaction;
    private final TransactionTemplate inOwnTransaction;

    IdempotentRequests(IdempotencyKeyStore keys, PlatformTransactionManager transactions) {
        this.keys = keys;
        this.inTransaction = new TransactionTemplate(transactions);
        this.inOwnTransaction = new TransactionTemplate(transactions);
        this.inOwnTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Runs {@code work} unless a request with this key already did.
     *
     * @param fingerprint tells a retry of the same request from another request that reuses the key
     * @param work produces the response to store; it runs in a transaction that it may join
     * @return the work's response, or the stored response of the first request with this key
     * @throws IdempotencyKeyReusedException when the key was used for a different request
     * @throws IdempotencyKeyInFlightException when the first request with this key is still being processed
     */
    public Outcome execute(IdempotencyKey key, String fingerprint, Supplier<StoredResponse> work) {
        for (int attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt++) {
            if (Boolean.TRUE.equals(inOwnTransaction.execute(status -> keys.claim(key, fingerprint)))) {
                return new Outcome(runClaimed(key, work), false);
            }
            Optional<IdempotencyKeyStore.Entry> existing = keys.find(key);
            if (existing.isEmpty()) {
                continue; // released or purged since the claim failed: claim it again
            }
            if (!existing.get().fingerprint().equals(fingerprint)) {
                throw new IdempotencyKeyReusedException(key);
            }
            StoredResponse stored = existing.get().response();
            if (stored == null) {
                throw new IdempotencyKeyInFlightException(key);
            }
            log.info("Replaying the response to Idempotency-Key {}", key);
            return new Outcome(stored, true);
        }
        throw new IdempotencyKeyInFlightException(key);
    }

    private StoredResponse runClaimed(IdempotencyKey key, Supplier<StoredResponse> work) {
        try {
            return inTransaction.execute(status -> {
                StoredResponse response = work.get();
                if (!keys.complete(key, response)) {
                    log.warn("Idempotency-Key {} was purged while its request was in flight", key);
                }
                return response;
            });
        } catch (RuntimeException | Error e) {
            try {
                inOwnTransaction.executeWithoutResult(status -> keys.release(key));
            } catch (RuntimeException releaseFailure) {
                e.addSuppressed(releaseFailure);
            }
            throw e;
        }
    }

    /**
     * The response to answer with.
     *
     * @param replayed whether it is the stored response of an earlier request
     */
    public record Outcome(StoredResponse response, boolean replayed) {
    }
}
