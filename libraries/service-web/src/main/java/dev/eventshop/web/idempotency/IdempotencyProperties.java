package dev.eventshop.web.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code Idempotency-Key} handling ({@code eventshop.web.idempotency.*}).
 *
 * @param enabled whether the service keeps idempotency keys at all (and has their table); off for a service whose
 *     endpoints take none
 * @param retention how long a key is kept, and so how long a retry is recognised: at least 24 hours
 * @param abandonedAfter how long a key may stay in flight before it counts as abandoned (its request died with the
 *     process) and is purged, so that a retry can go through; a request still running then fails instead of
 *     completing
 * @param purgeInterval how often old and abandoned keys are deleted
 */
@ConfigurationProperties(IdempotencyProperties.PREFIX)
public record IdempotencyProperties(@DefaultValue("true") boolean enabled, @DefaultValue("24h") Duration retention,
        @DefaultValue("10m") Duration abandonedAfter, @DefaultValue("10m") Duration purgeInterval) {

    public static final String PREFIX = "eventshop.web.idempotency";

    public IdempotencyProperties {
        if (retention.compareTo(Duration.ofHours(24)) < 0) {
            throw new IllegalArgumentException(PREFIX + ".retention must be at least 24h");
        }
    }
}
