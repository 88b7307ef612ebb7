package dev.eventshop.web.idempotency;

/**
 * The value of an {@code Idempotency-Key} header: 1 to 255 visible ASCII characters (no spaces, no control
 * characters), as a client generates it, for instance a UUID.
 */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        if (value.isEmpty() || value.length() > MAX_LENGTH || !value.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new InvalidIdempotencyKeyException(
                    HEADER + " must be 1 to " + MAX_LENGTH + " visible ASCII characters without spaces");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
