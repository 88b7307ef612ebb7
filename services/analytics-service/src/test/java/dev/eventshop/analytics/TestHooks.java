package dev.eventshop.analytics;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The test-only beans of the one shared integration-test context. */
@TestConfiguration(proxyBeanMethods = false)
class TestHooks {

    @Bean
    static RebuildGate rebuildGate() {
        return new RebuildGate();
    }
}
