package dev.eventshop.stack;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Stands in for a Spring Boot service in {@link ServiceProcessIT}, {@link ReadinessTest} and
 * {@link LauncherSupervisionIT}: prints the settings it was given, then answers the readiness probe until it is
 * stopped, or fails at once when {@code FAKE_SERVICE_FAILS_WITH} is set.
 */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws IOException {
        System.out.println("kafka " + System.getenv("SPRING_KAFKA_BOOTSTRAP_SERVERS"));
        System.out.println("database " + System.getenv("SPRING_DATASOURCE_URL") + " as "
                + System.getenv("SPRING_DATASOURCE_USERNAME"));
        System.out.println("eventshop setting " + System.getenv("EVENTSHOP_LAUNCHER_TEST_SETTING"));
        String failure = System.getenv("FAKE_SERVICE_FAILS_WITH");
        if (failure != null) {
            System.err.println(failure);
            System.exit(3);
        }
        int port = Integer.parseInt(System.getenv("SERVER_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        server.createContext("/actuator/health/readiness", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("listening on " + port);
    }
}
