package dev.eventshop.order.idempotency;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The response to a request with an idempotency key, kept to be replayed to its retries. */
public record StoredResponse(int status, @Nullable String location, String body) {

    public StoredResponse {
        Objects.requireNonNull(body, "body");
    }
}
