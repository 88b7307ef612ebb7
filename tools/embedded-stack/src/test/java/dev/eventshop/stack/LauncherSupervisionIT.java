package dev.eventshop.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as a process of its own, with a PostgreSQL server and a stand-in service as its children: what a user
 * of {@code ./run-embedded} sees when a child dies, when the launcher is stopped, and when it is killed.
 */
class LauncherSupervisionIT {

    private static final Duration START = Duration.ofMinutes(2);
    /** The watchdog's grace after SIGTERM is 10 s; then SIGKILL. */
    private static final Duration CHILDREN_GONE = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    private Process launcher;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final List<ProcessHandle> seen = new ArrayList<>();

    @AfterEach
    void killWhateverIsLeft() {
        if (launcher != null) {
            launcher.destroyForcibly();
        }
        seen.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void a_launcher_killed_with_sigkill_leaves_no_child_behind() throws Exception {
        startLauncher(Map.of());
        List<ProcessHandle> children = children();
        assertThat(children).hasSizeGreaterThanOrEqualTo(2);

        launcher.destroyForcibly();

        await().atMost(CHILDREN_GONE).untilAsserted(() ->
                assertThat(children).filteredOn(ProcessHandle::isAlive).isEmpty());
    }

    @Test
    void sigterm_stops_every_child_and_says_so() throws Exception {
        startLauncher(Map.of());
        List<ProcessHandle> children = children();

        // Through its handle: Process.destroy() would also close the pipe its last words come through.
        launcher.toHandle().destroy();

        assertThat(launcher.waitFor(CHILDREN_GONE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        // The watchdog and PostgreSQL's last backends end a moment after the launcher.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(children).filteredOn(ProcessHandle::isAlive).isEmpty());
        // Its last lines may still be on their way through the pipe.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output)
                .anyMatch(line -> line.contains("fake-service stopped"))
                .anyMatch(line -> line.contains("PostgreSQL stopped"))
                .anyMatch(line -> line.contains("Stopped. Data is kept in")));
    }

    @Test
    void a_service_that_dies_is_restarted_with_a_log_line() throws Exception {
        startLauncher(Map.of());
        ProcessHandle service = service();

        service.destroyForcibly();

        awaitLine("fake-service exited; restarting it in 1.0 s (restart 1 in a row)");
        awaitLine("fake-service restarted");
        await().atMost(START).until(() -> output.stream().filter(line -> line.contains("listening on")).count() == 2);
        assertThat(service()).isNotEqualTo(service);
    }

    @Test
    void postgres_is_restarted_after_a_crash_and_keeps_its_data() throws Exception {
        startLauncher(Map.of());
        ProcessHandle postmaster = postmaster();
        String jdbcUrl = jdbcUrl();
        execute(jdbcUrl, "create table kept (id int)");

        // SIGQUIT is PostgreSQL's immediate shutdown: no checkpoint, recovery on the next start.
        signal("QUIT", postmaster);

        awaitLine("PostgreSQL exited; restarting it in 1.0 s (restart 1 in a row)");
        awaitLine("PostgreSQL restarted");
        execute(jdbcUrl, "insert into kept values (1)");
        assertThat(postmaster()).isNotEqualTo(postmaster);
    }

    @Test
    void the_services_get_the_launchers_environment_but_the_launchers_wiring_wins() throws Exception {
        startLauncher(Map.of(
                "EVENTSHOP_LAUNCHER_TEST_SETTING", "from-the-run-command",
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://elsewhere:5432/orders"));

        awaitLine("eventshop setting from-the-run-command");
        awaitLine("database " + jdbcUrl() + " as postgres");
    }

    private void startLauncher(Map<String, String> environment) throws IOException {
        Path jar = FakeServiceJar.writeTo(Files.createDirectories(dataDir.resolve("jars")));
        ProcessBuilder builder = new ProcessBuilder(ChildProcesses.javaCommand(List.of(
                "-cp", ChildProcesses.classPath(), SupervisedStackMain.class.getName(),
                dataDir.toString(), jar.toString())))
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        launcher = builder.start();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
                reader.lines().forEach(output::add);
            } catch (IOException | UncheckedIOException e) {
                // The launcher is gone.
            }
        });
        await().atMost(START).failFast("the launcher exited; its output: " + output, () -> !launcher.isAlive())
                .until(() -> output.stream().anyMatch(line -> line.contains("eventshop is running")));
    }

    /** Every process the launcher started, PostgreSQL's (which pg_ctl detaches) included. */
    private List<ProcessHandle> children() throws IOException {
        ProcessHandle postmaster = postmaster();
        List<ProcessHandle> children = Stream.concat(
                        launcher.descendants(), Stream.concat(Stream.of(postmaster), postmaster.descendants()))
                .toList();
        seen.addAll(children);
        return children;
    }

    private ProcessHandle service() {
        ProcessHandle service = launcher.children()
                .filter(child -> child.info().commandLine().orElse("").contains("fake-service.jar"))
                .findFirst()
                .orElseThrow();
        seen.add(service);
        return service;
    }

    private ProcessHandle postmaster() throws IOException {
        Path pidFile = dataDir.resolve("postgres/pgdata/postmaster.pid");
        ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).getFirst().trim()))
                .orElseThrow();
        seen.add(postmaster);
        return postmaster;
    }

    private String jdbcUrl() throws IOException {
        Path pidFile = dataDir.resolve("postgres/pgdata/postmaster.pid");
        // The pid file's fourth line is the port.
        return "jdbc:postgresql://localhost:" + Files.readAllLines(pidFile).get(3).trim() + "/orders";
    }

    private void awaitLine(String text) {
        await().atMost(START).failFast("the launcher exited; its output: " + output, () -> !launcher.isAlive())
                .until(() -> output.stream().anyMatch(line -> line.contains(text)));
    }

    private static void execute(String jdbcUrl, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, PostgresServer.USERNAME,
                PostgresServer.PASSWORD)) {
            connection.createStatement().execute(sql);
        }
    }

    private static void signal(String signal, ProcessHandle process) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
        assertThat(kill.waitFor()).isZero();
    }
}
