package dev.eventshop.deployment.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's health check program (deploy/docker/HealthCheck.java), compiled as the Dockerfile compiles it and run as
 * Docker runs it, against a readiness endpoint that says UP, one that says otherwise, and a port where nothing listens.
 */
class HealthCheckProgramTest {

    private static final Path SOURCE = RepositoryFiles.root().resolve("deploy/docker/HealthCheck.java");

    @TempDir
    static Path classes;

    private HttpServer server;

    @BeforeAll
    static void compile_it_as_the_dockerfile_does() {
        int exitCode = ToolProvider.getSystemJavaCompiler()
                .run(null, null, null, "--release", "21", "-d", classes.toString(), SOURCE.toString());
        assertThat(exitCode).as("javac %s", SOURCE).isZero();
    }

    @AfterEach
    void stopTheServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void a_service_that_is_ready_is_healthy() throws Exception {
        int port = serveReadiness(200, "{\"status\":\"UP\"}");

        assertThat(runHealthCheck(port)).isZero();
    }

    @Test
    void a_service_that_is_not_ready_is_unhealthy() throws Exception {
        int port = serveReadiness(503, "{\"status\":\"OUT_OF_SERVICE\"}");

        assertThat(runHealthCheck(port)).isEqualTo(1);
    }

    @Test
    void a_service_that_does_not_answer_is_unhealthy() throws Exception {
        int port;
        try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = unused.getLocalPort();
        }

        assertThat(runHealthCheck(port)).isEqualTo(1);
    }

    private int serveReadiness(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/actuator/health/readiness", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return server.getAddress().getPort();
    }

    /** Its exit code, with SERVER_PORT set as the service's container sets it. */
    private static int runHealthCheck(int port) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes.toString(), "HealthCheck").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        Process check = builder.start();
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).as("the check finished within 30 s").isTrue();
        return check.exitValue();
    }
}
