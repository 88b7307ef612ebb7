package dev.eventshop.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;

/**
 * One Kafka broker and one PostgreSQL server for the whole test JVM. Each Spring context gets a database of its own
 * on that server, so contexts never see each other's rows while the expensive servers start only once.
 */
public abstract class Infrastructure {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static volatile @Nullable Infrastructure instance;

    /** The running infrastructure, started on first use. */
    public static Infrastructure get() {
        Infrastructure current = instance;
        if (current == null) {
            synchronized (Infrastructure.class) {
                current = instance;
                if (current == null) {
                    current = DockerClientFactory.instance().isDockerAvailable()
                            ? new ContainerInfrastructure()
                            : new EmbeddedInfrastructure();
                    instance = current;
                }
            }
        }
        return current;
    }

    public abstract String kafkaBootstrapServers();

    /** A JDBC URL for the given database on the shared server. */
    public abstract String jdbcUrl(String database);

    public abstract String username();

    public abstract String password();

    /** The Spring Boot properties that point an application at this infrastructure and at a new database of its own. */
    public Map<String, String> springProperties(String databasePrefix) {
        String database = createDatabase(databasePrefix);
        return Map.of(
                "spring.datasource.url", jdbcUrl(database),
                "spring.datasource.username", username(),
                "spring.datasource.password", password(),
                "spring.kafka.bootstrap-servers", kafkaBootstrapServers());
    }

    /**
     * The command line of a service run by hand against this infrastructure and a new database of its own, for a
     * local try: those properties, then {@code args}.
     */
    public String[] commandLine(String databasePrefix, String... args) {
        return Stream.concat(springProperties(databasePrefix).entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue()), Stream.of(args))
                .toArray(String[]::new);
    }

    /** Creates an empty database with a fresh name and returns that name. */
    public String createDatabase(String prefix) {
        String name = prefix.replaceAll("[^a-z0-9_]", "_") + "_" + DATABASES.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), username(), password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return name;
    }
}
