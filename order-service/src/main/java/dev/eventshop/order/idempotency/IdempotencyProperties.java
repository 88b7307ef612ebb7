package dev.eventshop.order.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code Idempotency-Key} handling ({@code eventshop.order.idempotency.*}).
 *
 * @param retention how long a key is kept, and so how long a retry is recognised: at least 24 hours
 * @param abandonedAfter how long a key may stay in flight before it counts as abandoned (its request died with the
 *     process) and is purged, so that a retry can go through
 * @param purgeInterval how often old and abandoned keys are deleted
 */
@ConfigurationProperties("eventshop.order.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration retention,
        @DefaultValue("10m") Duration abandonedAfter, @DefaultValue("10m") Duration purgeInterval) {

    public IdempotencyProperties {
        if (retention.compareTo(Duration.ofHours(24)) < 0) {
            throw new IllegalArgumentException("eventshop.order.idempotency.retention must be at least 24h");
        }
    }
}
