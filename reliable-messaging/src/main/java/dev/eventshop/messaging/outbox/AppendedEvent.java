package dev.eventshop.messaging.outbox;

import java.time.Instant;
import java.util.UUID;

/** What consumers will see of an appended event: its id ({@code ce_id}) and time ({@code ce_time}). */
public record AppendedEvent(UUID id, Instant time) {
}
