package dev.eventshop.observability;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for a telemetry backend: accepts every POST (OTLP over HTTP, Zipkin's JSON) and keeps what arrived, by
 * path, for a test to look into. The bodies' text is enough to find a log message or a span name in them.
 */
final class TelemetryReceiver implements AutoCloseable {

    record Received(String path, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    TelemetryReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestURI().getPath(),
                    new String(body, StandardCharsets.ISO_8859_1)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Whether a request to {@code path} carried {@code text} (protobuf keeps strings as UTF-8 bytes). */
    boolean receivedAt(String path, String text) {
        String encoded = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        return received.stream().anyMatch(request -> request.path().equals(path) && request.body().contains(encoded));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
