package dev.eventshop.web.idempotency;

/** A request with this key is still being processed; the client should retry once it has its answer. */
public class IdempotencyKeyInFlightException extends RuntimeException {

    public IdempotencyKeyInFlightException(IdempotencyKey key) {
        super("a request with Idempotency-Key " + key + " is still in progress");
    }
}
