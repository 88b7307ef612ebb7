package dev.eventshop.stack;

import java.util.List;

/** PostgreSQL in the local stack, with every service's database created. */
final class PostgresComponent extends LocalServerComponent<PostgresServer> {

    private final List<String> databases;

    PostgresComponent(PostgresServer server, List<String> databases) {
        super(server);
        this.databases = List.copyOf(databases);
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public void start() {
        super.start();
        databases.forEach(server::createDatabaseIfMissing);
    }

    @Override
    public List<String> bannerLines() {
        return List.of(
                Banner.row("PostgreSQL", server.jdbcUrl("<database>") + "  user " + PostgresServer.USERNAME
                        + ", password " + PostgresServer.PASSWORD),
                Banner.row("", "databases " + String.join(", ", databases) + "; log " + server.logFile()));
    }
}
