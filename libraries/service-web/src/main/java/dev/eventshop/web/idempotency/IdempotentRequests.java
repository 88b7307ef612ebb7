package dev.eventshop.web.idempotency;

import dev.eventshop.web.idempotency.IdempotencyKeyStore.Claim;
import dev.eventshop.web.idempotency.IdempotencyKeyStore.Entry;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a request's work at most once per {@code Idempotency-Key}, and answers every retry with the first answer, byte
 * for byte. An endpoint opts in by handing its work over:
 *
 * <pre>{@code
 * return idempotentRequests.run(idempotencyKey, request, () -> ResponseEntity.ok(restock(request)));
 * }</pre>
 *
 * <p>The key is claimed in a short transaction of its own before the work starts, so that a concurrent request with
 * the same key sees it in flight. The work's effect, its answer and the key's completion then commit in one
 * transaction, so the answer is stored if and only if the effect happened; and completion only succeeds while the row
 * this request claimed is still there, so a request whose key was purged meanwhile (taken for abandoned) rolls back
 * instead of doing again what a retry may be doing already. When the work fails, the key is released, so that a
 * corrected retry goes through.
 */
public class IdempotentRequests {

    /** The answer's header that says whether it is the stored answer to an earlier request. */
    public static final String REPLAYED = "Idempotent-Replayed";

    private static final Logger log = LoggerFactory.getLogger(IdempotentRequests.class);
    private static final int CLAIM_ATTEMPTS = 3;

    private final IdempotencyKeyStore keys;
    private final JsonMapper json;
    private final TransactionTemplate inTransaction;
    private final TransactionTemplate inOwnTransaction;

    IdempotentRequests(IdempotencyKeyStore keys, JsonMapper json, PlatformTransactionManager transactions) {
        this.keys = keys;
        this.json = json;
        this.inTransaction = new TransactionTemplate(transactions);
        this.inOwnTransaction = new TransactionTemplate(transactions);
        this.inOwnTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Runs {@code work} unless a request with this key already did, and answers as the first request with the key was
     * answered.
     *
     * @param idempotencyKey the request's {@code Idempotency-Key} header; without one, {@code work} just runs
     * @param body the request's body: with the request's method, path and query, it tells a retry of the same request
     *     from another request that reuses the key. It is compared as the JSON mapper writes it, so whitespace and
     *     property order do not matter.
     * @param work does the request's effect, in a transaction that it may join, and returns the answer; the answer
     *     may set a {@code Location} but no other header, and its body is written as JSON
     * @return the answer to the first request with this key, its {@code Idempotent-Replayed} header saying whether
     *     this is a replay; without a key, whatever {@code work} returned
     * @throws InvalidIdempotencyKeyException when the key is not 1 to 255 visible ASCII characters
     * @throws IdempotencyKeyReusedException when the key was used for a different request
     * @throws IdempotencyKeyInFlightException when the first request with this key is still being processed
     * @throws IdempotencyKeyExpiredException when the key was purged before the work committed: nothing was done
     */
    public ResponseEntity<?> run(@Nullable String idempotencyKey, Object body,
            Supplier<? extends ResponseEntity<?>> work) {
        if (idempotencyKey == null) {
            return work.get();
        }
        IdempotencyKey key = new IdempotencyKey(idempotencyKey);
        String fingerprint = fingerprint(body);
        for (int attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt++) {
            Claim claim = inOwnTransaction.execute(status -> keys.claim(key, fingerprint).orElse(null));
            if (claim != null) {
                return runClaimed(claim, work).toResponse(false);
            }
            Optional<Entry> existing = keys.find(key);
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
            log.info("Replaying the answer to Idempotency-Key {}", key);
            return stored.toResponse(true);
        }
        throw new IdempotencyKeyInFlightException(key);
    }

    private StoredResponse runClaimed(Claim claim, Supplier<? extends ResponseEntity<?>> work) {
        try {
            return Objects.requireNonNull(inTransaction.execute(status -> {
                StoredResponse answer = StoredResponse.of(work.get(), json);
                if (!keys.complete(claim, answer)) {
                    throw new IdempotencyKeyExpiredException(claim.key());
                }
                return answer;
            }));
        } catch (RuntimeException | Error e) {
            try {
                inOwnTransaction.executeWithoutResult(status -> keys.release(claim));
            } catch (RuntimeException releaseFailure) {
                e.addSuppressed(releaseFailure);
            }
            throw e;
        }
    }

    /**
     * The SHA-256 of the request's method, path and query, and its body as the JSON mapper writes it again: the same
     * for a retry of the request, different for any other request.
     */
    private String fingerprint(Object body) {
        HttpServletRequest request =
                ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        String target = request.getQueryString() == null
                ? request.getRequestURI()
                : request.getRequestURI() + "?" + request.getQueryString();
        MessageDigest sha256 = sha256();
        sha256.update((request.getMethod() + " " + target + "\n").getBytes(StandardCharsets.UTF_8));
        sha256.update(json.writeValueAsBytes(body));
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
