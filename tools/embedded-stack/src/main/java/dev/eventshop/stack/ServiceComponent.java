package dev.eventshop.stack;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A service of the local stack; its start only launches it, so that all services start at once. */
final class ServiceComponent implements Component {

    /** Generous: all services start together on a machine with perhaps two cores. */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final ServiceProcess process;

    ServiceComponent(ServiceProcess process) {
        this.process = process;
    }

    @Override
    public String name() {
        return process.spec().name();
    }

    @Override
    public List<Integer> ports() {
        return List.of(process.spec().port());
    }

    @Override
    public void start() {
        process.start();
    }

    @Override
    public boolean readyOnceStarted() {
        return false;
    }

    @Override
    public void awaitReady() {
        process.awaitReady(READY_TIMEOUT);
    }

    @Override
    public void stop() {
        process.stop();
    }

    /** What the service gets on top of the launcher's own environment. */
    Map<String, String> environment() {
        return process.environment();
    }

    @Override
    public boolean isRunning() {
        return process.isRunning();
    }

    @Override
    public List<String> bannerLines() {
        String url = process.spec().url();
        return List.of(Banner.row(name(), url + "  (API " + url + "/v3/api-docs, health " + url
                + "/actuator/health)"));
    }
}
