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
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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

    private static final byte[] SERVICE_NAME = "service.name".getBytes(StandardCharsets.US_ASCII);

    /** One request: where it was posted, and the services its resources name. */
    private record Export(String path, Set<String> services) {
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

    /** The services whose resources sent something to this signal's path. */
    Set<String> servicesThatSent(String path) {
        return received.stream().filter(export -> export.path().equals(path))
                .flatMap(export -> export.services().stream()).collect(Collectors.toSet());
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
            received.add(new Export(path, serviceNames(decode(body, encoding))));
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

    /**
     * The values of every {@code service.name} resource attribute in an OTLP protobuf message. Each is a KeyValue
     * whose key (field 1) is followed by its AnyValue (field 2, tag 0x12) holding a string (field 1, tag 0x0A); names
     * and the messages around them are short enough for one-byte lengths.
     */
    static Set<String> serviceNames(byte[] message) {
        Set<String> names = new TreeSet<>();
        for (int at = indexOf(message, SERVICE_NAME, 0); at >= 0; at = indexOf(message, SERVICE_NAME, at + 1)) {
            int value = at + SERVICE_NAME.length;
            if (value + 4 <= message.length && message[value] == 0x12 && message[value + 2] == 0x0A) {
                int length = message[value + 3];
                if (length > 0 && value + 4 + length <= message.length) {
                    names.add(new String(message, value + 4, length, StandardCharsets.UTF_8));
                }
            }
        }
        return names;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
