package dev.eventshop.testsupport;

import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Binds a {@code @ConfigurationProperties} record as a service would from the environment of its process, the way
 * every run mode sets it ({@code EVENTSHOP_ORDER_SAGA_DEADLINE=20s}), without starting an application context: the
 * binding rules and the record's own checks, nothing else.
 */
public final class EnvironmentBinding {

    private EnvironmentBinding() {
    }

    /**
     * @param prefix the record's prefix, such as {@code eventshop.order}
     * @param environment the process's environment variables, and only those
     */
    public static <T> T bind(String prefix, Class<T> type, Map<String, Object> environment) {
        StandardEnvironment spring = new StandardEnvironment();
        spring.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        environment));
        return new Binder(ConfigurationPropertySources.get(spring)).bindOrCreate(prefix, Bindable.of(type));
    }
}
