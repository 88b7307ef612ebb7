package dev.eventshop.stack;

import java.util.List;
import java.util.Map;

/**
 * The local stack's Zipkin: every service sends it its spans, and a person follows an order through all of them. It
 * starts while the services do, since it takes a few seconds.
 */
final class ZipkinComponent extends LocalServerComponent<ZipkinServer> {

    ZipkinComponent(ZipkinServer server) {
        super(server);
    }

    @Override
    public String name() {
        return "Zipkin";
    }

    @Override
    public boolean readyOnceStarted() {
        return false;
    }

    @Override
    public void awaitReady() {
        server.awaitReady();
    }

    /** The services keep the export off in their own configuration, so that they run without a Zipkin too. */
    @Override
    public Map<String, String> serviceEnvironment() {
        return Map.of(
                "MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENABLED", "true",
                "MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT", server.spansEndpoint());
    }

    @Override
    public List<String> bannerLines() {
        return List.of(
                Banner.row("Traces", server.url() + "/zipkin/  (log " + server.logFile() + ")"),
                Banner.row("", "one trace: " + server.url() + "/zipkin/traces/<traceId>, the id that follows the"
                        + " service's name in its log lines"));
    }
}
