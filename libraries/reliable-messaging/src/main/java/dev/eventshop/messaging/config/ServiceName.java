package dev.eventshop.messaging.config;

import org.springframework.core.env.Environment;

/** The service's name, {@code spring.application.name}: its consumer group, and part of its retry topics' names. */
final class ServiceName {

    private ServiceName() {
    }

    static String of(Environment environment) {
        return environment.getProperty("spring.application.name", "application");
    }
}
