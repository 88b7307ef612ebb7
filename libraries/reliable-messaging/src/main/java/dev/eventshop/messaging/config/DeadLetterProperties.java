package dev.eventshop.messaging.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dead letters a service shows and redrives, under {@code eventshop.messaging.dead-letters}.
 *
 * @param maxScan the most records a listing or a redrive by filter reads from one dead-letter partition, newest
 *     first; a listing says when it left older ones out
 * @param maxRedrive the most dead letters one redrive by filter hands back
 * @param upkeepInterval how often the depth gauge is read from Kafka (and, until it succeeds once, the dead-letter
 *     topics' retention set)
 */
@ConfigurationProperties("eventshop.messaging.dead-letters")
public record DeadLetterProperties(@DefaultValue("10000") int maxScan, @DefaultValue("100") int maxRedrive,
        @DefaultValue("30s") Duration upkeepInterval) {
}
