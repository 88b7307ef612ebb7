package dev.eventshop.email.notification.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the attempts at emails not sent yet ({@code eventshop.email.attempts.*}). The descriptions below are
 * also the settings' metadata, hence plain text.
 *
 * @param retention How long the attempts at an email that was never sent are kept after the last of them: by then its
 *     event went to the dead-letter topic long ago. Keep it longer than any wait before a dead-lettered event is
 *     redriven, or a redriven email no longer knows that the customer may already have it.
 * @param purgeInterval How often attempts past their retention are deleted.
 */
@ConfigurationProperties("eventshop.email.attempts")
public record EmailAttemptProperties(@DefaultValue("30d") Duration retention,
        @DefaultValue("1h") Duration purgeInterval) {
}
