package dev.eventshop.order.idempotency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Tells whether a retry is the same request: the SHA-256 of the request's canonical form (its parsed body written
 * out again, so that whitespace and property order do not matter).
 */
public final class RequestFingerprint {

    private RequestFingerprint() {
    }

    public static String of(byte[] canonicalRequest) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonicalRequest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
