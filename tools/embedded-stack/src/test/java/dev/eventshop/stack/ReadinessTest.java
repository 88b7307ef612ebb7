package dev.eventshop.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadinessTest {

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    /** Only a wait that goes wrong ever takes this long. */
    private static final Duration GENEROUS = Duration.ofMinutes(1);

    @TempDir
    Path dir;
    private ChildProcess child;

    @AfterEach
    void stop() {
        // A failed interruption test must not leave its interrupt to whatever runs next on this thread.
        Thread.interrupted();
        if (child != null) {
            child.stop();
        }
    }

    @Test
    void the_wait_returns_once_the_condition_holds_and_the_process_keeps_running() throws Exception {
        int port = Ports.findFree();
        child = ChildProcess.loggingTo(log(), "the fake service", STOP_GRACE);
        child.start(fakeService(port));

        child.readiness("did not listen", GENEROUS, POLL_INTERVAL)
                .await(() -> Ports.acceptsConnections("localhost", port));

        assertThat(child.isRunning()).isTrue();
    }

    @Test
    void a_process_that_exits_first_fails_the_wait_with_the_last_lines_of_its_log() {
        child = ChildProcess.loggingTo(log(), "the JVM", STOP_GRACE);
        child.start(new ProcessBuilder(ChildProcesses.javaCommand(List.of("-XX:+NoSuchOption"))));

        StartupFailedException failure = catchThrowableOfType(StartupFailedException.class,
                () -> child.readiness("did not listen", GENEROUS, POLL_INTERVAL).await(() -> false));

        assertThat(failure).hasMessage("the JVM exited with code 1 before it was ready; its log is " + log());
        assertThat(failure.lastOutputLines()).contains("Unrecognized VM option 'NoSuchOption'");
    }

    @Test
    void a_process_not_ready_by_the_deadline_is_stopped_and_fails_the_wait_with_its_log() throws Exception {
        child = ChildProcess.loggingTo(log(), "the fake service", STOP_GRACE);
        Process started = child.start(fakeService(Ports.findFree()));

        StartupFailedException failure = catchThrowableOfType(StartupFailedException.class,
                () -> child.readiness("did not answer", Duration.ofSeconds(1), POLL_INTERVAL).await(() -> false));

        assertThat(failure).hasMessage("the fake service did not answer within 1 s; its log is " + log());
        // The service may not have said a word yet; the line start wrote above its output is there in any case.
        assertThat(failure.lastOutputLines()).anyMatch(line -> line.endsWith(" starting the fake service -----"));
        assertThat(child.isRunning()).isFalse();
        assertThat(started.isAlive()).isFalse();
    }

    @Test
    void an_interrupted_wait_stops_the_process_and_leaves_the_thread_interrupted() throws Exception {
        child = ChildProcess.loggingTo(log(), "the fake service", STOP_GRACE);
        Process started = child.start(fakeService(Ports.findFree()));

        Thread.currentThread().interrupt();
        StartupFailedException failure = catchThrowableOfType(StartupFailedException.class,
                () -> child.readiness("did not answer", GENEROUS, POLL_INTERVAL).await(() -> false));

        assertThat(Thread.interrupted()).isTrue();
        assertThat(failure).hasMessage("Interrupted while waiting for the fake service to start")
                .hasCauseInstanceOf(InterruptedException.class);
        assertThat(child.isRunning()).isFalse();
        // Stopped with the interrupt pending, it is killed rather than waited for; it is gone a moment later.
        assertThat(started.onExit()).succeedsWithin(STOP_GRACE);
    }

    private Path log() {
        return dir.resolve("child.log");
    }

    /** {@link FakeService} from this module's test classes: it runs, and answers on the port, until stopped. */
    private static ProcessBuilder fakeService(int port) throws URISyntaxException {
        Path testClasses = Path.of(FakeService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ProcessBuilder builder = new ProcessBuilder(ChildProcesses.javaCommand(
                List.of("-cp", testClasses.toString(), FakeService.class.getName())));
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        return builder;
    }
}
