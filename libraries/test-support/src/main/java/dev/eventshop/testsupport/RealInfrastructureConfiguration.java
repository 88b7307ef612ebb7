package dev.eventshop.testsupport;

import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** Registers the connection properties of {@link Infrastructure} for one application context. */
@TestConfiguration(proxyBeanMethods = false)
class RealInfrastructureConfiguration {

    @Bean
    static DynamicPropertyRegistrar realInfrastructureProperties() {
        Map<String, String> properties = Infrastructure.get().springProperties("test");
        return registry -> properties.forEach((name, value) -> registry.add(name, () -> value));
    }
}
