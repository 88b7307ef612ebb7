package dev.eventshop.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * A stand-in for otel-lgtm's OpenTelemetry collector: accepts OTLP over HTTP on the signal paths the collector serves
 * ({@code /v1/traces}, {@code /v1/logs}, {@code /v1/metrics}) and answers 404 elsewhere, as the collector does, keeping
 * what it received so that a test can ask which services sent which signal.
 */
final class OtlpReceiver implements AutoCloseable {

    /** The port of the collector's OTLP/HTTP receiver in otel-lgtm. */
    static final int OTLP_HTTP_PORT = 4318;

    private static final List<String> SIGNAL_PATHS = List.of("/v1/traces", "/v1/logs", "/v1/metrics");

    private record Export(String path, String content) {
    }

    private final HttpServer server;
    private final List<Export> received = new CopyOnWriteArrayList<>();

    OtlpReceiver(InetAddress address) {
        try {
            server = HttpServer.create(new InetSocketAddress(address, OTLP_HTTP_PORT), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address + ":" + OTLP_HTTP_PORT, e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Which of these services sent something on this signal's path. An export names its service in its resource's
     * {@code service.name}, a plain UTF-8 string in the protobuf (and in the JSON) encoding.
     */
    Set<String> servicesThatSent(String path, Collection<String> services) {
        return services.stream()
                .filter(service -> received.stream().anyMatch(export -> export.path().equals(path)
                        && export.content().contains(service)))
                .collect(Collectors.toSet());
    }

    /** Every path something was posted to, for a failure message. */
    Set<String> pathsPostedTo() {
        return received.stream().map(Export::path).collect(Collectors.toSet());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
            received.add(new Export(path, new String(decode(body, encoding), StandardCharsets.ISO_8859_1)));
            if (!exchange.getRequestMethod().equals("POST") || !SIGNAL_PATHS.contains(path)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            // An empty Export*ServiceResponse: everything accepted.
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private static byte[] decode(byte[] body, String encoding) throws IOException {
        if (!"gzip".equalsIgnoreCase(encoding)) {
            return body;
        }
        try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return gzip.readAllBytes();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
