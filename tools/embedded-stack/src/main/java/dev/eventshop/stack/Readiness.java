package dev.eventshop.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A wait for a child process to serve, with one deadline for all the conditions it waits for in turn. Each is
 * polled until it holds; the wait fails with the process's last lines of output when the process exits first, and
 * stops the process and fails when the deadline passes or the waiting thread is interrupted.
 */
final class Readiness {

    /** What ready means, such as a port that accepts connections; it may block for a moment, as a request does. */
    @FunctionalInterface
    interface Condition {

        boolean holds() throws InterruptedException;
    }

    /** Shared by every health check: it is only ever used to poll localhost. */
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);

    private final ChildProcess child;
    private final Process process;
    private final String notReady;
    private final Duration timeout;
    private final Duration pollInterval;
    private final long deadline;

    /** See {@link ChildProcess#readiness}; the time starts now. */
    Readiness(ChildProcess child, Process process, String notReady, Duration timeout, Duration pollInterval) {
        this.child = child;
        this.process = process;
        this.notReady = notReady;
        this.timeout = timeout;
        this.pollInterval = pollInterval;
        this.deadline = System.nanoTime() + timeout.toNanos();
    }

    /**
     * Returns once {@code ready} holds.
     *
     * @throws StartupFailedException when the process exits first; when the deadline passes or the thread is
     *     interrupted, after stopping the process (an interrupted thread keeps its interrupt)
     */
    void await(Condition ready) {
        try {
            while (!ready.holds()) {
                if (!process.isAlive()) {
                    throw child.startupFailure("exited with code " + process.exitValue() + " before it was ready");
                }
                if (System.nanoTime() - deadline > 0) {
                    child.stop();
                    throw child.startupFailure(notReady + " within " + timeout.toSeconds() + " s");
                }
                Thread.sleep(pollInterval);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.stop();
            throw new StartupFailedException("Interrupted while waiting for " + child.name() + " to start", e);
        }
    }

    /** A health endpoint that answers 200 and says UP, as Spring Boot's actuator and Zipkin's do. */
    static Condition saysUp(String healthUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(healthUrl)).timeout(HEALTH_TIMEOUT).build();
        return () -> {
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200 && response.body().contains("\"UP\"");
            } catch (IOException e) {
                // Not listening yet, or the request timed out.
                return false;
            }
        };
    }
}
