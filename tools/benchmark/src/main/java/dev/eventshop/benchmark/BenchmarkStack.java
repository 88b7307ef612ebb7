package dev.eventshop.benchmark;

import dev.eventshop.events.Topics;
import dev.eventshop.stack.KafkaBroker;
import dev.eventshop.stack.Ports;
import dev.eventshop.stack.PostgresServer;
import dev.eventshop.stack.ServiceProcess;
import dev.eventshop.stack.ServiceSpec;
import dev.eventshop.stack.Services;
import dev.eventshop.stack.SmtpServer;
import dev.eventshop.stack.TopicSpec;
import dev.eventshop.stack.ZipkinServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded stack as {@code run-embedded} runs it (PostgreSQL, Kafka, SMTP, Zipkin, the five service jars, each a
 * process, with the same settings) but on free ports and in a data directory of its own, with this JVM as the
 * launcher. The infrastructure starts first so that the floors are measured before any service runs.
 */
final class BenchmarkStack implements AutoCloseable {

    private final Path repositoryRoot;
    private final Path dataDir;
    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final SmtpServer smtp;
    private final ZipkinServer zipkin;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    BenchmarkStack(Path repositoryRoot, Path dataDir) {
        this.repositoryRoot = repositoryRoot;
        this.dataDir = dataDir.toAbsolutePath();
        postgres = new PostgresServer(dataDir.resolve("postgres"), 0);
        kafka = new KafkaBroker(dataDir.resolve("kafka"), 0);
        smtp = new SmtpServer(repositoryRoot.resolve("tools/embedded-stack/target/smtp/greenmail-standalone.jar"),
                dataDir.resolve("smtp"), 0, 0);
        zipkin = new ZipkinServer(repositoryRoot.resolve("tools/embedded-stack/target/zipkin/zipkin-server.jar"),
                dataDir.resolve("zipkin"), 0);
    }

    void startInfrastructure() {
        zipkin.start();
        postgres.start();
        Services.DATABASES.forEach(postgres::createDatabaseIfMissing);
        kafka.start();
        kafka.createTopics(Topics.ALL.stream().map(TopicSpec::of).toList());
        smtp.start();
        zipkin.awaitReady();
    }

    /** The five services with the launcher's environment; returns once every one is ready. */
    void startServices() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("LOGGING_LEVEL_ORG_APACHE_KAFKA", "WARN");
        environment.put("SPRING_MAIL_HOST", "localhost");
        environment.put("SPRING_MAIL_PORT", Integer.toString(smtp.smtpPort()));
        environment.put("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENABLED", "true");
        environment.put("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT", zipkin.spansEndpoint());
        for (ServiceSpec spec : Services.ALL) {
            ServiceSpec onFreePort = new ServiceSpec(spec.name(), Ports.findFree(), spec.database(), spec.jar());
            ServiceProcess process = new ServiceProcess(onFreePort, onFreePort.jarIn(repositoryRoot),
                    postgres.jdbcUrl(spec.database()), kafka.bootstrapServers(), environment);
            process.start();
            services.put(spec.name(), process);
        }
        services.values().forEach(process -> process.awaitReady(Duration.ofMinutes(4)));
    }

    /** Stops every service at once (each gets SIGTERM and its grace), so that the relay benchmark runs alone. */
    void stopServices() {
        List<Thread> stopping = new ArrayList<>();
        for (ServiceProcess process : services.values()) {
            stopping.add(Thread.ofPlatform().start(process::stop));
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    String url(String service) {
        ServiceProcess process = services.get(service);
        if (process == null) {
            throw new IllegalStateException(service + " is not running");
        }
        return process.spec().url();
    }

    /** Every running service's URL, by name. */
    Map<String, String> serviceUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        services.forEach((name, process) -> urls.put(name, process.spec().url()));
        return urls;
    }

    String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    KafkaBroker kafka() {
        return kafka;
    }

    PostgresServer postgres() {
        return postgres;
    }

    /**
     * Every process of the stack by name, found in {@code /proc} by its command line (the child JVMs) or its pid file
     * (PostgreSQL, which pg_ctl detaches), plus this JVM: the launcher, which here also generates the load.
     *
     * @throws IllegalStateException when one is not running: the figures would leave its work out
     */
    List<ProcessCpu.Watched> processes() {
        List<ProcessCpu.Watched> processes = new ArrayList<>();
        List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
        for (String service : services.keySet()) {
            processes.add(running(service, findByCommandLine(children, "/" + service + ".jar")));
        }
        processes.add(running("Kafka", findByCommandLine(children, "kafka.Kafka")));
        processes.add(running("PostgreSQL", postmaster()));
        processes.add(running("SMTP", findByCommandLine(children, "greenmail-standalone.jar")));
        processes.add(running("Zipkin", findByCommandLine(children, "zipkin-server.jar")));
        processes.add(new ProcessCpu.Watched("launcher + load generator", ProcessHandle.current().pid(),
                ProcessCpu.Scope.SELF));
        return processes;
    }

    private static ProcessCpu.Watched running(String name, Optional<Long> pid) {
        return new ProcessCpu.Watched(name, pid.orElseThrow(() -> new IllegalStateException(
                name + " is not running: its work would be missing from the figures")), ProcessCpu.Scope.TREE);
    }

    private static Optional<Long> findByCommandLine(List<ProcessHandle> candidates, String part) {
        return candidates.stream()
                .filter(candidate -> commandLine(candidate.pid()).contains(part))
                // setsid execs java in place, so the match is the java process itself; the oldest wins.
                .map(ProcessHandle::pid)
                .findFirst();
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    private Optional<Long> postmaster() {
        Path pidFile = dataDir.resolve("postgres").resolve("pgdata").resolve("postmaster.pid");
        try {
            return Optional.of(Long.parseLong(Files.readAllLines(pidFile).getFirst().trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        stopServices();
        zipkin.stop();
        smtp.stop();
        kafka.stop();
        postgres.stop();
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
