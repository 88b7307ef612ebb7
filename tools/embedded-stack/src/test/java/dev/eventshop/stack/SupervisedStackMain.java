package dev.eventshop.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The launcher with a small stack, for {@link LauncherSupervisionIT} to start as a process of its own: a PostgreSQL
 * server and a {@link FakeService}, both on free ports, supervised and stopped exactly as {@code ./run-embedded} does.
 *
 * <p>Arguments: the data directory and the fake service's jar.
 */
public final class SupervisedStackMain {

    static final String SERVICE = "fake-service";

    private SupervisedStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path dataDir = Path.of(args[0]);
        Path jar = Path.of(args[1]);
        PostgresServer postgres = new PostgresServer(dataDir.resolve("postgres"), 0);
        ServiceSpec spec = new ServiceSpec(SERVICE, Ports.findFree(), "orders", jar);
        ServiceProcess service = new ServiceProcess(spec, jar, postgres.jdbcUrl("orders"), "localhost:9", Map.of());
        List<Component> components = List.of(new PostgresComponent(postgres, List.of("orders")),
                new ServiceComponent(service));
        EmbeddedStack.runUntilStopped(EmbeddedStack.of(components, dataDir));
    }
}
