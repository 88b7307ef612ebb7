package dev.eventshop.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One Spring Boot service running from its jar as a child JVM, configured through environment variables, with its
 * output on this JVM's console, every line prefixed by the service's name.
 */
public final class ServiceProcess {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration OUTPUT_DRAIN = Duration.ofSeconds(2);
    private static final int KEPT_LINES = 40;

    private final ServiceSpec spec;
    private final Path jar;
    private final Map<String, String> environment;
    private final boolean inheritEnvironment;
    private final List<String> jvmOptions;
    private final ConsolePrefix prefix;
    private final Deque<String> recentOutput = new ArrayDeque<>(KEPT_LINES);
    private final ChildProcess child;
    private volatile @Nullable Thread outputPump;

    /**
     * @param jar the service's Spring Boot jar
     * @param jdbcUrl the service's own database, used as {@link PostgresServer#USERNAME}
     * @param kafkaBootstrapServers the broker(s)
     * @param extraEnvironment further environment variables for the service; they win over the ones set here
     */
    public ServiceProcess(ServiceSpec spec, Path jar, String jdbcUrl, String kafkaBootstrapServers,
            Map<String, String> extraEnvironment) {
        this(spec, jar, stackEnvironment(spec, jdbcUrl, kafkaBootstrapServers, extraEnvironment), true, List.of());
    }

    private ServiceProcess(ServiceSpec spec, Path jar, Map<String, String> environment, boolean inheritEnvironment,
            List<String> jvmOptions) {
        this.spec = spec;
        this.jar = jar.toAbsolutePath();
        this.environment = Map.copyOf(environment);
        this.inheritEnvironment = inheritEnvironment;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.prefix = ConsolePrefix.forConsole(spec.name(), Math.max(Services.nameWidth(), spec.name().length()));
        this.child = ChildProcess.withOutputReadBy(spec.name(), STOP_GRACE, this::lastWords,
                this::awaitOutputDrained);
    }

    /**
     * A service that gets exactly this environment and nothing of this JVM's, as a container gets exactly what its
     * definition gives it: for running a service as a deployment file (a compose file, say) configures it.
     *
     * @param jvmOptions further options for the service's JVM, such as {@code -Djdk.net.hosts.file=<file>} to resolve
     *     the host names the environment uses
     */
    public static ServiceProcess withExactEnvironment(ServiceSpec spec, Path jar, Map<String, String> environment,
            List<String> jvmOptions) {
        return new ServiceProcess(spec, jar, environment, false, jvmOptions);
    }

    private static Map<String, String> stackEnvironment(ServiceSpec spec, String jdbcUrl,
            String kafkaBootstrapServers, Map<String, String> extraEnvironment) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", String.valueOf(spec.port()));
        env.put("SPRING_DATASOURCE_URL", jdbcUrl);
        env.put("SPRING_DATASOURCE_USERNAME", PostgresServer.USERNAME);
        env.put("SPRING_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        env.putAll(extraEnvironment);
        return env;
    }

    /** Launches the JVM and returns at once; {@link #awaitReady} waits for it to serve. */
    public synchronized void start() {
        if (isRunning()) {
            throw new IllegalStateException(spec.name() + " is already running");
        }
        if (!Files.isRegularFile(jar)) {
            throw new StartupFailedException(spec.name() + " has no jar at " + jar + "; build it first", List.of());
        }
        synchronized (recentOutput) {
            recentOutput.clear();
        }
        List<String> arguments = new ArrayList<>(List.of(
                "-Xmx384m",
                // Several service JVMs start at once on what may be a laptop: a single-threaded collector and the
                // quick compiler only make them start sooner and take less CPU and memory.
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        arguments.addAll(jvmOptions);
        arguments.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(ChildProcesses.javaCommand(arguments)).redirectErrorStream(true);
        if (!inheritEnvironment) {
            builder.environment().clear();
        }
        builder.environment().putAll(environment);
        Process started = child.start(builder);
        Thread pump = Thread.ofPlatform().name(spec.name() + "-output").daemon().unstarted(() -> pumpOutput(started));
        outputPump = pump;
        pump.start();
    }

    /**
     * Polls {@code /actuator/health/readiness} until it says UP.
     *
     * @throws StartupFailedException with the service's last output lines when it exits or is not ready in time (it
     *     is stopped then)
     */
    public void awaitReady(Duration timeout) {
        String probe = spec.url() + "/actuator/health/readiness";
        child.readiness("was not ready on " + probe, timeout, POLL_INTERVAL).await(Readiness.saysUp(probe));
    }

    /** Stops the service gracefully (SIGTERM: Spring finishes in-flight work), or kills it after 20 s. Idempotent. */
    public void stop() {
        child.stop();
    }

    public boolean isRunning() {
        return child.isRunning();
    }

    /**
     * The running process, for a test that makes it fail: a SIGKILL ({@link ProcessHandle#destroyForcibly()}), a
     * SIGSTOP. Empty when it does not run.
     */
    public Optional<ProcessHandle> process() {
        return child.handle();
    }

    public ServiceSpec spec() {
        return spec;
    }

    /** What the service gets on top of the launcher's own environment (or instead of it, with an exact one). */
    public Map<String, String> environment() {
        return environment;
    }

    /** The service's last lines of output (up to 40), oldest first. */
    public List<String> recentOutput() {
        synchronized (recentOutput) {
            return List.copyOf(recentOutput);
        }
    }

    private void pumpOutput(Process started) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                prefix.println(line);
                synchronized (recentOutput) {
                    if (recentOutput.size() == KEPT_LINES) {
                        recentOutput.removeFirst();
                    }
                    recentOutput.addLast(line);
                }
            }
        } catch (IOException e) {
            // The pipe broke because the process is gone; its exit is reported below.
        }
        int exitCode = started.onExit().join().exitValue();
        // Stopped by stop(): the process is no longer ours to report on.
        if (child.forget(started)) {
            prefix.println("exited on its own with code " + exitCode);
        }
    }

    /** What a failure to start quotes: the service's last lines, once the pump has passed them all on. */
    private List<String> lastWords() {
        awaitOutputDrained();
        return recentOutput();
    }

    /** So that a service's last words appear before whatever is printed after it stopped. */
    private void awaitOutputDrained() {
        Thread pump = outputPump;
        if (pump != null) {
            try {
                pump.join(OUTPUT_DRAIN);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
