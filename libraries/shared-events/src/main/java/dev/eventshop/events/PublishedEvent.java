package dev.eventshop.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** What consumers will see of a published event besides its content: its id ({@code ce_id}) and time ({@code ce_time}). */
public record PublishedEvent(UUID id, Instant time) {

    public PublishedEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
    }
}
