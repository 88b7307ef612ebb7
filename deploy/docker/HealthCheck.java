import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The service image's health check: exits with 0 when the service's readiness endpoint answers 200 and reports UP,
 * with 1 otherwise (Docker's "unhealthy").
 *
 * <p>Shipped in the image, compiled, rather than relying on curl or wget: which tools a JRE base image happens to carry
 * changes between its variants, and a JRE has no compiler to run a source file. It reads {@code SERVER_PORT} exactly as
 * the service does, so the two cannot disagree on the port.
 *
 * <pre>java -cp /opt/healthcheck HealthCheck</pre>
 */
public final class HealthCheck {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

    private HealthCheck() {
    }

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("SERVER_PORT", "8080");
        URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        System.exit(isReady(readiness) ? 0 : 1);
    }

    static boolean isReady(URI readiness) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(readiness).timeout(REQUEST_TIMEOUT).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                return true;
            }
            // Docker keeps the last lines a check printed: `docker inspect` then shows why it failed.
            System.out.println(readiness + " answered " + response.statusCode() + ": " + response.body());
            return false;
        } catch (IOException e) {
            System.out.println(readiness + ": " + e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
