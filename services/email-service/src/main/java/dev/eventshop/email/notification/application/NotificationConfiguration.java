package dev.eventshop.email.notification.application;

import dev.eventshop.email.notification.domain.EmailAddressRule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds the email and attempt settings, and refuses to start with an address pattern that cannot make an address. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({EmailProperties.class, EmailAttemptProperties.class})
class NotificationConfiguration {

    @Bean
    EmailAddressRule emailAddressRule(EmailProperties properties) {
        return new EmailAddressRule(properties.addressPattern());
    }
}
