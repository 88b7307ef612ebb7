package dev.eventshop.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL 17 server process from the embedded binaries, with its data in a directory that survives restarts;
 * one server hosts every service's database. Connections as {@value #USERNAME} / {@value #PASSWORD}.
 *
 * <p>The server's output goes to {@code postgres.log} in the data directory.
 */
public final class PostgresServer implements LocalServer, AutoCloseable {

    public static final String USERNAME = "postgres";
    public static final String PASSWORD = "postgres";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final Path dataDir;
    private final int port;
    private volatile @Nullable EmbeddedPostgres postgres;
    /** The server process of the current start; it outlives a stop only when stopping failed. */
    private volatile @Nullable ProcessHandle postmaster;
    private volatile ChildProcesses.@Nullable Registration stopOnExit;

    /**
     * @param dataDir where the server keeps its cluster ({@code pgdata}) and {@code postgres.log}; created and
     *     initialised if missing
     * @param port the port on localhost; 0 picks a free one, kept across restarts
     */
    public PostgresServer(Path dataDir, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("not a TCP port: " + port);
        }
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port == 0 ? Ports.findFree() : port;
    }

    /**
     * Initialises the cluster if the data directory has none, starts the server and returns once it accepts
     * connections.
     *
     * @throws StartupFailedException with the end of {@code postgres.log} when it does not start within 60 s
     */
    public synchronized void start() {
        if (postgres != null) {
            throw new IllegalStateException("PostgreSQL is already running on port " + port);
        }
        try {
            Files.createDirectories(dataDir);
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir.resolve("pgdata"))
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // The embedded default is off, for speed; on, a transaction committed is one a crash keeps, as
                    // on any real server.
                    .setServerConfig("synchronous_commit", "on")
                    .setPGStartupWait(START_TIMEOUT)
                    // The launcher stops PostgreSQL itself, after the services that use it.
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new StartupFailedException("PostgreSQL did not start on port " + port + ": " + e.getMessage()
                    + "; its log is " + logFile(), LogFiles.lastLines(logFile(), 30));
        }
        ProcessHandle started = readPostmaster();
        postmaster = started;
        if (started != null) {
            Watchdog.watch(started.pid());
        }
        stopOnExit = ChildProcesses.stopOnExit("PostgreSQL", this::stop);
    }

    /** Stops the server (fast shutdown: open sessions are ended, committed data is kept). Idempotent. */
    public synchronized void stop() {
        EmbeddedPostgres running = postgres;
        postgres = null;
        ChildProcesses.Registration registration = stopOnExit;
        if (registration != null) {
            registration.close();
        }
        if (running != null) {
            ProcessHandle server = postmaster;
            postmaster = null;
            try {
                // After a crash there is no server for pg_ctl to stop; it says so in the log, and the lock is freed.
                running.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not stop PostgreSQL on port " + port, e);
            }
            awaitExit(server);
            if (server != null) {
                Watchdog.release(server.pid());
            }
        }
    }

    /**
     * The server process (the postmaster), for a test that makes it fail: SIGQUIT is PostgreSQL's immediate
     * shutdown, a crash; SIGSTOP to its process group, which holds its backends too, pauses it. Empty when it does
     * not run.
     */
    public Optional<ProcessHandle> postmaster() {
        ProcessHandle server = postmaster;
        return server != null && server.isAlive() ? Optional.of(server) : Optional.empty();
    }

    /** The server process, read from its pid file: pg_ctl detaches it, so it is no child of this JVM. */
    private @Nullable ProcessHandle readPostmaster() {
        try {
            String pid = Files.readAllLines(dataDir.resolve("pgdata").resolve("postmaster.pid")).getFirst().trim();
            return ProcessHandle.of(Long.parseLong(pid)).orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** pg_ctl returns once the pid file is gone, a moment before the process itself. */
    private void awaitExit(@Nullable ProcessHandle postmaster) {
        if (postmaster == null) {
            return;
        }
        try {
            postmaster.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("PostgreSQL (pid " + postmaster.pid() + ") still runs "
                    + STOP_TIMEOUT.toSeconds() + " s after it was asked to stop", e);
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** Started, not stopped, and its server process has not exited (or crashed) on its own. */
    @Override
    public boolean isRunning() {
        ProcessHandle server = postmaster;
        return postgres != null && server != null && server.isAlive();
    }

    /** Creates the database unless it exists; names are plain lower-case SQL identifiers such as {@code orders}. */
    public void createDatabaseIfMissing(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USERNAME, PASSWORD);
                PreparedStatement exists = connection.prepareStatement(
                        "select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (ResultSet result = exists.executeQuery()) {
                if (result.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + " on port " + port + ": "
                    + e.getMessage(), e);
        }
    }

    /** {@code jdbc:postgresql://localhost:<port>/<database>}, valid before the server starts too. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    @Override
    public List<Integer> ports() {
        return List.of(port());
    }

    public int port() {
        return port;
    }

    /** The server's output, appended to on every start. */
    public Path logFile() {
        return dataDir.resolve("postgres.log");
    }
}
