package dev.eventshop.messaging.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class MessagingPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class);

    @Test
    void a_service_whose_lock_timeout_does_not_exceed_its_send_timeout_fails_at_start_up_saying_why() {
        context.withPropertyValues("eventshop.messaging.relay.send-timeout=30s",
                "eventshop.messaging.relay.lock-timeout=30s")
                .run(started -> assertThat(started).getFailure().rootCause()
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("eventshop.messaging.relay.lock-timeout (PT30S) must exceed "
                                + "eventshop.messaging.relay.send-timeout (PT30S)"));
    }

    @Test
    void a_stall_timeout_within_one_poll_and_fewer_than_one_attempt_are_rejected_too() {
        context.withPropertyValues("eventshop.messaging.relay.poll-interval=5s",
                "eventshop.messaging.relay.stall-timeout=5s")
                .run(started -> assertThat(started).getFailure().rootCause()
                        .hasMessageContaining("stall-timeout (PT5S) must exceed"));
        context.withPropertyValues("eventshop.messaging.relay.max-attempts=0")
                .run(started -> assertThat(started).getFailure().rootCause()
                        .hasMessageContaining("max-attempts (0) must be at least 1"));
    }

    @Test
    void the_defaults_start_and_park_a_row_after_five_rejected_sends() {
        context.run(started -> assertThat(started).hasNotFailed().getBean(MessagingProperties.class)
                .satisfies(properties -> assertThat(properties.relay().maxAttempts()).isEqualTo(5)));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MessagingProperties.class)
    static class Settings {
    }
}
