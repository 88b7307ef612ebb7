package dev.eventshop.messaging.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.testsupport.Infrastructure;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The library's migrations reach databases that services created with an earlier version of the library, and run in
 * order on new ones.
 */
@ExtendWith(OutputCaptureExtension.class)
class MessagingMigrationsIT {

    private final Infrastructure infrastructure = Infrastructure.get();

    @TempDir
    Path earlierLibrary;

    @Test
    void a_database_that_already_holds_a_services_own_migrations_gets_the_outbox_parking_columns() throws Exception {
        String database = infrastructure.createDatabase("migrations");
        copy("db/messaging/V0_1__outbox.sql", "db/messaging/V0_2__processed_event.sql", "db/migration/V1__probe.sql");
        Flyway.configure().dataSource(url(database), infrastructure.username(), infrastructure.password())
                .locations("filesystem:" + earlierLibrary).load().migrate();

        migrateAsAService(database);

        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url(database), infrastructure.username(),
                infrastructure.password()));
        assertThat(jdbc.queryForList("""
                SELECT column_name FROM information_schema.columns
                WHERE table_name = 'outbox_event' AND column_name IN ('attempts', 'last_error', 'parked_at')
                ORDER BY column_name
                """, String.class)).containsExactly("attempts", "last_error", "parked_at");
    }

    @Test
    void a_new_database_is_migrated_in_order_without_flyways_out_of_order_warning(CapturedOutput output) {
        String database = infrastructure.createDatabase("migrations");

        migrateAsAService(database);

        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url(database), infrastructure.username(),
                infrastructure.password()));
        assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history ORDER BY installed_rank",
                String.class)).startsWith("0.1", "0.2", "0.3", "0.4").contains("1");
        assertThat(output).doesNotContain("outOfOrder mode is active");
    }

    /** The service's migrations and the library's, as Spring Boot runs them with the library's auto-configuration. */
    private void migrateAsAService(String database) {
        FluentConfiguration service = Flyway.configure()
                .dataSource(url(database), infrastructure.username(), infrastructure.password())
                .locations("classpath:db/migration");
        MessagingSchemaAutoConfiguration library = new MessagingSchemaAutoConfiguration();
        library.messagingMigrations().customize(service);
        library.messagingMigrationStrategy().migrate(service.load());
    }

    private String url(String database) {
        return infrastructure.jdbcUrl(database);
    }

    /** The migrations as the earlier library and the service shipped them, side by side. */
    private void copy(String... resources) throws Exception {
        for (String resource : List.of(resources)) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
                assertThat(in).as(resource).isNotNull();
                Files.copy(in, earlierLibrary.resolve(Path.of(resource).getFileName()));
            }
        }
    }
}
