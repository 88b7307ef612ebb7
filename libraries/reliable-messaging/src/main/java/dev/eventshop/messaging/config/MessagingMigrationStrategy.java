package dev.eventshop.messaging.config;

import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Migrates as Flyway does, and out of order only where it must: on a database that already holds a service's own
 * migrations but not a library migration added later ({@code 0.3} sorts below the service's {@code V1}). The library's
 * tables are the library's alone, so their order against the service's migrations does not matter there. Everywhere
 * else out-of-order mode stays off, and so does Flyway's warning that it is on.
 */
final class MessagingMigrationStrategy implements FlywayMigrationStrategy {

    /** The library numbers its migrations {@code 0.x}, below every service's own. */
    private static final MigrationVersion FIRST_SERVICE_VERSION = MigrationVersion.fromVersion("1");

    @Override
    public void migrate(Flyway flyway) {
        if (Arrays.stream(flyway.info().all()).anyMatch(MessagingMigrationStrategy::libraryMigrationSkipped)) {
            Flyway.configure(flyway.getConfiguration().getClassLoader()).configuration(flyway.getConfiguration())
                    .outOfOrder(true).load().migrate();
        } else {
            flyway.migrate();
        }
    }

    /** A library migration not applied, where a service migration of a higher version is. */
    private static boolean libraryMigrationSkipped(MigrationInfo migration) {
        return migration.getState() == MigrationState.IGNORED && migration.getVersion() != null
                && migration.getVersion().compareTo(FIRST_SERVICE_VERSION) < 0;
    }
}
