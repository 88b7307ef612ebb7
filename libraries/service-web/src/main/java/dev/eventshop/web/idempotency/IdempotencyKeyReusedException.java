package dev.eventshop.web.idempotency;

/** The key was already used for a different request: the client is reusing keys, or its retry changed the body. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(IdempotencyKey key) {
        super("Idempotency-Key " + key + " was already used for a different request");
    }
}
