package dev.eventshop.web.idempotency;

/** An {@code Idempotency-Key} header that is empty, too long or not visible ASCII. */
public class InvalidIdempotencyKeyException extends IllegalArgumentException {

    public InvalidIdempotencyKeyException(String message) {
        super(message);
    }
}
