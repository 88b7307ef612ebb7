package dev.eventshop.web.idempotency;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer to the first request with a key, as it went out: its status, its {@code Location} and its JSON body.
 * Every answer with the key, the first one included, is written from this, so a retry gets the same bytes.
 *
 * @param body the JSON, or null for an answer without a body
 */
record StoredResponse(int status, @Nullable String location, @Nullable String body) {

    /** Takes the work's answer down, writing its body as JSON once. */
    static StoredResponse of(ResponseEntity<?> answer, JsonMapper json) {
        HttpHeaders headers = answer.getHeaders();
        if (!headers.headerNames().stream().allMatch(HttpHeaders.LOCATION::equalsIgnoreCase)) {
            // anything else would be lost on a replay
            throw new IllegalArgumentException("an idempotent answer keeps its status, Location and body, not "
                    + headers.headerNames());
        }
        Object body = answer.getBody();
        return new StoredResponse(answer.getStatusCode().value(), headers.getFirst(HttpHeaders.LOCATION),
                body == null ? null : json.writeValueAsString(body));
    }

    /** The answer to send, saying in {@code Idempotent-Replayed} whether it is a replay. */
    ResponseEntity<byte[]> toResponse(boolean replayed) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status)
                .header(IdempotentRequests.REPLAYED, Boolean.toString(replayed));
        if (location != null) {
            answer.header(HttpHeaders.LOCATION, location);
        }
        return body == null
                ? answer.build()
                : answer.contentType(MediaType.APPLICATION_JSON).body(body.getBytes(StandardCharsets.UTF_8));
    }
}
