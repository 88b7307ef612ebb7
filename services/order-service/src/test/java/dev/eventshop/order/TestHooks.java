package dev.eventshop.order;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The test-only beans of the one shared integration-test context. */
@TestConfiguration(proxyBeanMethods = false)
class TestHooks {

    /** Static, as a bean post-processor must be, so that it is there before the beans it wraps. */
    @Bean
    static PlacementGate placementGate() {
        return new PlacementGate();
    }
}
