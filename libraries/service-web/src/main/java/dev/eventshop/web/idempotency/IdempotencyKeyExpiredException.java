package dev.eventshop.web.idempotency;

/**
 * The key's claim was purged as abandoned while its request was still running, so a retry may already be doing the
 * work again: the request gives up and rolls back rather than doing it a second time.
 */
public class IdempotencyKeyExpiredException extends RuntimeException {

    public IdempotencyKeyExpiredException(IdempotencyKey key) {
        super("Idempotency-Key " + key + " was purged before its request completed; the request was rolled back");
    }
}
