package dev.eventshop.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for a running service under test: full control over methods, headers and bodies (wrong content
 * types, chunked bodies), and responses exactly as a client sees them.
 */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Long enough for the slowest call a test makes (a read model rebuild) on a small, busy machine. */
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String base;

    public Http(int port) {
        this.base = "http://localhost:" + port;
    }

    public String base() {
        return base;
    }

    /** A GET; {@code headers} are name, value pairs. */
    public Response get(String path, String... headers) {
        return send("GET", path, BodyPublishers.noBody(), headers);
    }

    /** A POST without a body, for commands such as a rebuild. */
    public Response post(String path, String... headers) {
        return send("POST", path, BodyPublishers.noBody(), headers);
    }

    /** A JSON POST; {@code headers} are name, value pairs. */
    public Response postJson(String path, String json, String... headers) {
        return send("POST", path, BodyPublishers.ofString(json), concat(headers, "Content-Type", "application/json"));
    }

    public Response send(String method, String path, BodyPublisher body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .method(method, body);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), BodyHandlers.ofString());
            return new Response(response.statusCode(), response, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A body sent chunked, without a {@code Content-Length}. */
    public static BodyPublisher chunked(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
    }

    private static String[] concat(String[] headers, String name, String value) {
        String[] all = Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = name;
        all[headers.length + 1] = value;
        return all;
    }

    /** A request to send once the service runs, as a row of a table of test cases names it. */
    @FunctionalInterface
    public interface Request {

        Response sendWith(Http http);

        /** A GET; {@code headers} are name, value pairs. */
        static Request get(String path, String... headers) {
            return http -> http.get(path, headers);
        }

        /** A JSON POST; {@code headers} are name, value pairs. */
        static Request postJson(String path, String json, String... headers) {
            return http -> http.postJson(path, json, headers);
        }

        /** Any method, body and headers, content type included. */
        static Request send(String method, String path, BodyPublisher body, String... headers) {
            return http -> http.send(method, path, body, headers);
        }
    }

    /** A response as received. */
    public record Response(int status, HttpResponse<String> raw, String body) {

        public @Nullable String header(String name) {
            Optional<String> value = raw.headers().firstValue(name);
            return value.orElse(null);
        }

        public @Nullable String contentType() {
            return header("Content-Type");
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public <T> T as(Class<T> type) {
            return JSON.readValue(body, type);
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + body;
        }
    }
}
