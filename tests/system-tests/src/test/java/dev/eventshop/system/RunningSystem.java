package dev.eventshop.system;

import dev.eventshop.events.Topics;
import dev.eventshop.stack.KafkaBroker;
import dev.eventshop.stack.Ports;
import dev.eventshop.stack.PostgresServer;
import dev.eventshop.stack.ServiceProcess;
import dev.eventshop.stack.ServiceSpec;
import dev.eventshop.stack.Services;
import dev.eventshop.stack.SmtpServer;
import dev.eventshop.stack.Supervisor;
import dev.eventshop.stack.TopicSpec;
import dev.eventshop.stack.ZipkinServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The system as the embedded stack runs it: PostgreSQL, a Kafka broker, an SMTP server, a Zipkin and each service's
 * jar as its own process, on free ports, started with the launcher's own classes, and restarted by the launcher's
 * {@link Supervisor} when one exits on its own. Extra environment goes to every service. The processes are there to
 * be made to fail: {@link #service}, {@link #kafka()}, {@link #postmaster()}.
 */
final class RunningSystem implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final SmtpServer smtp;
    private final ZipkinServer zipkin;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Supervisor supervisor;

    RunningSystem(Path dataDir, List<ServiceSpec> specs, Map<String, String> environment) {
        // the tests run in tests/system-tests
        Path repositoryRoot = Path.of("").toAbsolutePath().getParent().getParent();
        postgres = new PostgresServer(dataDir.resolve("postgres"), 0);
        kafka = new KafkaBroker(dataDir.resolve("kafka"), 0);
        zipkin = new ZipkinServer(repositoryRoot.resolve("tools/embedded-stack/target/zipkin/zipkin-server.jar"),
                dataDir.resolve("zipkin"), 0);
        // Zipkin takes several seconds to start: it does so while PostgreSQL, Kafka and the SMTP server start.
        zipkin.start();
        postgres.start();
        Services.DATABASES.forEach(postgres::createDatabaseIfMissing);
        kafka.start();
        kafka.createTopics(Topics.ALL.stream().map(TopicSpec::of).toList());
        smtp = new SmtpServer(repositoryRoot.resolve("tools/embedded-stack/target/smtp/greenmail-standalone.jar"),
                dataDir.resolve("smtp"), 0, 0);
        smtp.start();
        zipkin.awaitReady();
        Map<String, String> serviceEnvironment = new LinkedHashMap<>(environment);
        serviceEnvironment.put("SPRING_MAIL_HOST", "localhost");
        serviceEnvironment.put("SPRING_MAIL_PORT", Integer.toString(smtp.smtpPort()));
        serviceEnvironment.put("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENABLED", "true");
        serviceEnvironment.put("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT", zipkin.spansEndpoint());
        List<ServiceProcess> started = new ArrayList<>();
        for (ServiceSpec spec : specs) {
            ServiceSpec onFreePort = new ServiceSpec(spec.name(), Ports.findFree(), spec.database(), spec.jar());
            ServiceProcess process = new ServiceProcess(onFreePort, onFreePort.jarIn(repositoryRoot),
                    postgres.jdbcUrl(spec.database()), kafka.bootstrapServers(), serviceEnvironment);
            process.start();
            services.put(spec.name(), process);
            started.add(process);
        }
        for (ServiceProcess process : started) {
            process.awaitReady(Duration.ofMinutes(3));
        }
        List<Supervisor.Part> parts = new ArrayList<>(List.of(
                new Supervisor.Part("PostgreSQL", postgres::isRunning, () -> restart(postgres::stop, postgres::start)),
                new Supervisor.Part("Kafka", kafka::isRunning, () -> restart(kafka::stop, kafka::start)),
                new Supervisor.Part("SMTP", smtp::isRunning, () -> restart(smtp::stop, smtp::start)),
                new Supervisor.Part("Zipkin", zipkin::isRunning, () -> restart(zipkin::stop, zipkin::start))));
        services.values().forEach(process -> parts.add(new Supervisor.Part(process.spec().name(),
                process::isRunning, () -> restart(process::stop, process::start))));
        supervisor = new Supervisor(parts, line -> System.out.println("[supervisor] " + line));
    }

    private static void restart(Runnable stop, Runnable start) {
        stop.run();
        start.run();
    }

    /** The service's process, to make it fail; absent while it is down. */
    Optional<ProcessHandle> service(String name) {
        return services.get(name).process();
    }

    /** Whether the service's process runs and its readiness probe says UP. */
    boolean isReady(String name) {
        ServiceProcess process = services.get(name);
        if (!process.isRunning()) {
            return false;
        }
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(process.spec().url()
                    + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return response.statusCode() == 200;
    }

    /** The broker's process, to make it fail; absent while it is down. */
    Optional<ProcessHandle> kafka() {
        return kafka.process();
    }

    boolean kafkaIsRunning() {
        return kafka.isRunning();
    }

    /** PostgreSQL's server process, which leads a process group holding its backends; absent while it is down. */
    Optional<ProcessHandle> postmaster() {
        return postgres.postmaster();
    }

    boolean postgresIsRunning() {
        return postgres.isRunning();
    }

    String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    Collection<String> serviceNames() {
        return services.keySet();
    }

    String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** What the SMTP server received for an address: one JSON object per message, with its subject and source. */
    JsonNode mailbox(String address) {
        HttpResponse<String> response = send(null, HttpRequest.newBuilder(
                URI.create(smtp.apiUrl() + "/api/user/" + address + "/messages/INBOX")).GET());
        // Before the first mail to an address, the server knows no such user.
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.createArrayNode();
    }

    /** Zipkin's base URL: its UI is under {@code /zipkin/}, its API under {@code /api/v2/}. */
    String zipkinUrl() {
        return zipkin.url();
    }

    /** A GET of Zipkin's API, such as {@code /api/v2/traces?limit=10}. */
    JsonNode zipkin(String pathAndQuery) {
        HttpResponse<String> response =
                send(null, HttpRequest.newBuilder(URI.create(zipkin.url() + pathAndQuery)).GET());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Zipkin answered " + response.statusCode() + " for " + pathAndQuery + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** The spans Zipkin holds for a trace, one JSON object each; none yet while they are on their way. */
    JsonNode trace(String traceId) {
        HttpResponse<String> response = send(null, HttpRequest.newBuilder(
                URI.create(zipkin.url() + "/api/v2/trace/" + traceId)).GET());
        if (response.statusCode() == 404) {
            return JSON.createArrayNode();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Zipkin answered " + response.statusCode() + " for trace " + traceId
                    + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    HttpResponse<String> post(String service, String path, String json) {
        return send(service, HttpRequest.newBuilder(uri(service, path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    JsonNode get(String service, String path) {
        HttpResponse<String> response = send(service, HttpRequest.newBuilder(uri(service, path)).GET());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " on " + service + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** A GET whose answer the caller judges, a 404 say. */
    HttpResponse<String> getResponse(String service, String path) {
        return send(service, HttpRequest.newBuilder(uri(service, path)).GET());
    }

    /** {@code http://localhost:<port>} of the service. */
    String url(String service) {
        return services.get(service).spec().url();
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private URI uri(String service, String path) {
        return URI.create(services.get(service).spec().url() + path);
    }

    private HttpResponse<String> send(@Nullable String service, HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        // First, so that nothing is restarted while it is being stopped.
        supervisor.close();
        services.values().forEach(ServiceProcess::stop);
        // After the services, which send their last spans as they stop.
        zipkin.stop();
        smtp.stop();
        kafka.stop();
        postgres.stop();
    }
}
