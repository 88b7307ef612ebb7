package dev.eventshop.messaging.config;

import dev.eventshop.messaging.MessagingHousekeeping;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.Location;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The library's own tables ({@code outbox_event}, {@code processed_event}): created by the library's Flyway
 * migrations beside the service's, and purged of what is no longer needed.
 */
@AutoConfiguration(after = DataSourceTransactionManagerAutoConfiguration.class, before = FlywayAutoConfiguration.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingSchemaAutoConfiguration {

    /**
     * Where the library's migrations live; versions {@code 0.x} run before a service's own {@code V1} on a new
     * database, and out of order on one that predates them ({@link MessagingMigrationStrategy}).
     */
    public static final String MIGRATIONS = "classpath:db/messaging";

    @Bean
    FlywayConfigurationCustomizer messagingMigrations() {
        return configuration -> {
            List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
            Location messaging = new Location(MIGRATIONS);
            if (!locations.contains(messaging)) {
                locations.add(messaging);
            }
            configuration.locations(locations.toArray(Location[]::new));
        };
    }

    /** Applies a library migration added later to a database that predates it: see the strategy. */
    @Bean
    @ConditionalOnMissingBean
    FlywayMigrationStrategy messagingMigrationStrategy() {
        return new MessagingMigrationStrategy();
    }

    @Bean
    MessagingHousekeeping messagingHousekeeping(JdbcTemplate jdbc, MessagingProperties properties) {
        return new MessagingHousekeeping(jdbc, properties, Clock.systemUTC());
    }
}
