package dev.eventshop.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessIT {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private ServiceProcess service;

    @BeforeEach
    void captureTheConsole() {
        originalOut = System.out;
        System.setOut(new PrintStream(new TeeOutputStream(originalOut, console), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stopTheServiceAndRestoreTheConsole() {
        if (service != null) {
            service.stop();
        }
        System.setOut(originalOut);
    }

    @Test
    void aServiceRunsWithItsSettingsInTheEnvironmentAndItsOutputPrefixedWithItsName() throws IOException {
        service = new ServiceProcess(fakeServiceSpec(), fakeServiceJar(), "jdbc:postgresql://localhost:15432/fake",
                "localhost:19092", Map.of());

        service.start();
        service.awaitReady(Duration.ofSeconds(30));

        assertThat(service.isRunning()).isTrue();
        // Padded to the longest service name, so that the bars of all services line up.
        ConsolePrefix prefix = ConsolePrefix.of("fake-service", Services.nameWidth(), false);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(consoleText())
                .contains(prefix.apply("kafka localhost:19092"))
                .contains(prefix.apply("database jdbc:postgresql://localhost:15432/fake as postgres")));

        service.stop();

        assertThat(service.isRunning()).isFalse();
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(process -> !Watchdog.isWatchdog(process))).isEmpty();
    }

    @Test
    void aServiceThatExitsWhileStartingFailsWithItsLastLines() throws IOException {
        service = new ServiceProcess(fakeServiceSpec(), fakeServiceJar(), "jdbc:postgresql://localhost:15432/fake",
                "localhost:19092", Map.of("FAKE_SERVICE_FAILS_WITH", "Failed to configure a DataSource"));

        service.start();
        StartupFailedException failure = catchThrowableOfType(StartupFailedException.class,
                () -> service.awaitReady(Duration.ofSeconds(30)));

        assertThat(failure).hasMessage("fake-service exited with code 3 before it was ready");
        assertThat(failure.lastOutputLines()).contains("Failed to configure a DataSource");
    }

    private static ServiceSpec fakeServiceSpec() {
        return new ServiceSpec("fake-service", Ports.findFree(), "fake", Path.of("fake-service.jar"));
    }

    private Path fakeServiceJar() throws IOException {
        return FakeServiceJar.writeTo(dir);
    }

    private String consoleText() {
        synchronized (console) {
            return console.toString(StandardCharsets.UTF_8);
        }
    }

    /** Keeps the output visible in the build log while the test reads it too. */
    private static final class TeeOutputStream extends OutputStream {

        private final OutputStream first;
        private final ByteArrayOutputStream second;

        TeeOutputStream(OutputStream first, ByteArrayOutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            synchronized (second) {
                second.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            synchronized (second) {
                second.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            first.flush();
        }
    }
}
