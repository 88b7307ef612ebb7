package dev.eventshop.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import dev.eventshop.deployment.compose.ComposeFile;
import dev.eventshop.deployment.compose.ComposeFile.Service;
import dev.eventshop.deployment.compose.ComposeFile.Volume;
import dev.eventshop.deployment.compose.GrafanaProvisioning;
import dev.eventshop.deployment.compose.GrafanaProvisioning.Query;
import dev.eventshop.deployment.compose.PromQl;
import dev.eventshop.deployment.compose.RepositoryFiles;
import dev.eventshop.stack.KafkaBroker;
import dev.eventshop.stack.Ports;
import dev.eventshop.stack.PostgresServer;
import dev.eventshop.stack.ServiceProcess;
import dev.eventshop.stack.ServiceSpec;
import dev.eventshop.stack.Services;
import dev.eventshop.stack.SmtpServer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docker-compose.yml, run without Docker: every service's jar as a process with exactly the environment the compose
 * file gives its container, against real servers standing where the compose file puts its infrastructure. PostgreSQL
 * (set up by the compose init script, with password authentication for the services' roles), a Kafka broker,
 * GreenMail in Mailpit's place and an OTLP receiver in otel-lgtm's each listen on a free port of 127.0.0.1, and are
 * reachable under their compose names only at their container ports ({@link ComposeNetwork}). A wrong variable name,
 * host, port, database, role, password or URL in the compose file therefore fails here as it would in containers.
 *
 * <p>What this cannot check: the images themselves (no Docker engine), and the address the broker advertises to the
 * containers (the broker here has a single listener, advertised as localhost; ComposeFileTest checks the compose
 * listeners against the services' bootstrap address).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeConformanceIT {

    private static final Duration SAGA = Duration.ofSeconds(60);
    private static final Duration EXPORT = Duration.ofSeconds(45);
    /**
     * Micrometer adds a Kafka client's metrics as the client creates them, looking for new ones once a minute: the
     * consumers' per-partition lag appears up to a minute after they first fetched.
     */
    private static final Duration KAFKA_CLIENT_METRICS = Duration.ofSeconds(90);
    /** The postgres image's server listens on its default port. */
    private static final int POSTGRES_PORT = 5432;
    /** Mailpit's SMTP port when MP_SMTP_BIND_ADDR does not set one. */
    private static final int MAILPIT_SMTP_PORT = 1025;
    private static final String PROMETHEUS_TEXT_FORMAT = "text/plain;version=0.0.4";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Path ROOT = RepositoryFiles.root();
    private static final ComposeFile COMPOSE = ComposeFile.ofRepository();

    @TempDir
    static Path data;

    static ComposeNetwork network;
    static PostgresServer postgres;
    static KafkaBroker kafka;
    static SmtpServer smtp;
    static OtlpReceiver lgtm;
    static final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    @BeforeAll
    static void runEveryServiceAsTheComposeFileConfiguresIt() throws Exception {
        network = new ComposeNetwork(COMPOSE.services().stream().map(Service::name).toList(), data.resolve("network"));
        startPostgres(COMPOSE.service("postgres"));
        startKafka(COMPOSE.service("kafka"));
        startSmtp(COMPOSE.service("mailpit"));
        lgtm = new OtlpReceiver(network.addressOf("lgtm"));

        List<ServiceProcess> started = new ArrayList<>();
        for (Service service : builtServices()) {
            ServiceSpec spec = specOf(service);
            ServiceProcess process = ServiceProcess.withExactEnvironment(spec, spec.jarIn(ROOT),
                    service.environment(), List.of(network.jvmOption()));
            process.start();
            services.put(service.name(), process);
            started.add(process);
        }
        for (ServiceProcess process : started) {
            process.awaitReady(Duration.ofMinutes(3));
        }
    }

    @AfterAll
    static void stopEverything() {
        services.values().forEach(ServiceProcess::stop);
        if (smtp != null) {
            smtp.stop();
        }
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            postgres.stop();
        }
        if (lgtm != null) {
            lgtm.close();
        }
        if (network != null) {
            network.close();
        }
    }

    @Test
    @Order(1)
    void alice_buying_a_keyboard_is_confirmed_and_gets_her_email() {
        String orderId = placeUntilPriced("""
                {"customerId":"alice","items":[{"sku":"KB-001","quantity":1}]}""");

        await().atMost(SAGA).until(() -> status(orderId).equals("CONFIRMED"));
        String subject = "Your order " + orderId.substring(0, 8) + " is confirmed";
        await().atMost(SAGA).untilAsserted(() -> assertThat(mailbox("alice@customers.eventshop.test"))
                .extracting(message -> message.path("subject").asString()).contains(subject));
    }

    @Test
    @Order(2)
    void each_service_role_reaches_its_own_database_with_its_password_and_no_other_database() {
        List<Service> built = builtServices();
        assertThat(built).allSatisfy(service -> {
            Map<String, String> environment = service.environment();
            String user = environment.get("SPRING_DATASOURCE_USERNAME");
            String password = environment.get("SPRING_DATASOURCE_PASSWORD");
            assertThat(query(databaseOf(service), user, password)).isEqualTo(user);
            assertThatExceptionOfType(SQLException.class).as("%s with a wrong password", user)
                    .isThrownBy(() -> query(databaseOf(service), user, password + "-wrong"));
            for (Service other : built) {
                if (!other.equals(service)) {
                    assertThatExceptionOfType(SQLException.class).as("%s in %s", user, databaseOf(other))
                            .isThrownBy(() -> query(databaseOf(other), user, password))
                            .withMessageContaining("permission denied");
                }
            }
        });
    }

    @Test
    @Order(3)
    void every_metric_the_dashboards_and_alert_rules_query_is_exposed_where_prometheus_scrapes() {
        List<Query> queries = GrafanaProvisioning.ofRepository().queries();
        Map<String, Set<String>> sourcesByMetric = new TreeMap<>();
        queries.forEach(query -> PromQl.metricNames(query.expression()).forEach(metric ->
                sourcesByMetric.computeIfAbsent(metric, name -> new TreeSet<>()).add(query.source())));

        await().atMost(KAFKA_CLIENT_METRICS).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
            Set<String> exposed = scrapeEveryTarget();
            Map<String, Set<String>> missing = new TreeMap<>(sourcesByMetric);
            missing.keySet().removeAll(exposed);
            assertThat(missing).as("metrics that dashboards or alert rules query but no service exposes, with where"
                    + " they are queried").isEmpty();
        });
    }

    @Test
    @Order(4)
    void every_service_sends_its_traces_to_otel_lgtm() {
        touchEveryService();

        await().atMost(EXPORT).untilAsserted(() -> assertThat(lgtm.servicesThatSent("/v1/traces"))
                .as("services whose traces arrived at lgtm:4318/v1/traces (paths posted to: %s)", lgtm.pathsPostedTo())
                .containsAll(serviceNames()));
    }

    @Test
    @Order(5)
    void every_service_sends_its_logs_to_otel_lgtm() {
        touchEveryService();

        await().atMost(EXPORT).untilAsserted(() -> assertThat(lgtm.servicesThatSent("/v1/logs"))
                .as("services whose logs arrived at lgtm:4318/v1/logs (paths posted to: %s)", lgtm.pathsPostedTo())
                .containsAll(serviceNames()));
    }

    private static void startPostgres(Service compose) throws Exception {
        postgres = new PostgresServer(data.resolve("postgres"), 0);
        postgres.start();
        requirePasswordsForAllButTheSuperuser();
        for (Volume script : compose.volumes()) {
            if (script.target().startsWith("/docker-entrypoint-initdb.d/")) {
                runInitScript(COMPOSE.directory().resolve(script.source()), compose.environment());
            }
        }
        network.forward("postgres", POSTGRES_PORT, postgres.port());
    }

    /**
     * The embedded server trusts every local connection; the postgres image asks every role but its superuser for its
     * password over the network. Set up alike, so that a wrong password in the compose file fails.
     */
    private static void requirePasswordsForAllButTheSuperuser() throws Exception {
        Files.writeString(data.resolve("postgres/pgdata/pg_hba.conf"), """
                # Written by ComposeConformanceIT: the superuser as the embedded server sets it up, every other
                # role by password, as in the postgres image.
                host all %1$s 127.0.0.1/32 trust
                host all %1$s ::1/128 trust
                host all all 127.0.0.1/32 scram-sha-256
                host all all ::1/128 scram-sha-256
                """.formatted(PostgresServer.USERNAME));
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"),
                PostgresServer.USERNAME, PostgresServer.PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute("select pg_reload_conf()");
        }
    }

    /** As the image's entrypoint runs it: with bash, the container's environment and psql at hand. */
    private static void runInitScript(Path script, Map<String, String> containerEnvironment) throws Exception {
        Path psql = onPath("psql");
        Map<String, String> environment = new LinkedHashMap<>(containerEnvironment);
        environment.putIfAbsent("POSTGRES_USER", "postgres");
        environment.put("PATH", psql.getParent() + File.pathSeparator + "/usr/bin:/bin");
        environment.put("PGHOST", "127.0.0.1");
        environment.put("PGPORT", String.valueOf(postgres.port()));
        Path output = data.resolve("init-script.log");
        ProcessBuilder bash = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        bash.environment().clear();
        bash.environment().putAll(environment);
        Process run = bash.start();
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("%s finished within 60 s", script).isTrue();
        assertThat(run.exitValue()).as("%s: %s", script, Files.readString(output)).isZero();
    }

    /** The broker on a free port; under the compose name, each listener the containers use forwards to it. */
    private static void startKafka(Service compose) {
        kafka = new KafkaBroker(data.resolve("kafka"), 0);
        kafka.start();
        int brokerPort = Integer.parseInt(kafka.bootstrapServers().substring(kafka.bootstrapServers().indexOf(':') + 1));
        Map<String, String> bound = listeners(compose.environment().get("KAFKA_LISTENERS"));
        listeners(compose.environment().get("KAFKA_ADVERTISED_LISTENERS")).forEach((listener, address) -> {
            if (address.startsWith(compose.name() + ":")) {
                String port = bound.get(listener);
                network.forward(compose.name(), Integer.parseInt(port.substring(port.lastIndexOf(':') + 1)),
                        brokerPort);
            }
        });
    }

    private static void startSmtp(Service compose) {
        smtp = new SmtpServer(ROOT.resolve("tools/embedded-stack/target/smtp/greenmail-standalone.jar"), data.resolve("smtp"),
                0, 0);
        smtp.start();
        String bindAddress = compose.environment().get("MP_SMTP_BIND_ADDR");
        int port = bindAddress == null ? MAILPIT_SMTP_PORT
                : Integer.parseInt(bindAddress.substring(bindAddress.lastIndexOf(':') + 1));
        network.forward(compose.name(), port, smtp.smtpPort());
    }

    private static List<Service> builtServices() {
        return COMPOSE.services().stream().filter(Service::isBuilt).toList();
    }

    private static List<String> serviceNames() {
        return builtServices().stream().map(Service::name).toList();
    }

    /** Its jar and database as the stack knows them, on the port its compose environment sets and publishes. */
    private static ServiceSpec specOf(Service service) {
        ServiceSpec known = Services.ALL.stream().filter(spec -> spec.name().equals(service.name())).findFirst()
                .orElseThrow(() -> new AssertionError("the compose file builds an unknown service " + service.name()));
        int port = Integer.parseInt(service.environment().get("SERVER_PORT"));
        assertThat(service.ports()).as("%s publishes its SERVER_PORT as itself", service.name())
                .anySatisfy(published -> {
                    assertThat(published.target()).isEqualTo(port);
                    assertThat(published.published()).hasValue(port);
                });
        if (Ports.isInUse(port)) {
            fail("Port " + port + " is taken on this machine; this test runs " + service.name()
                    + " on the port docker-compose.yml gives it. Stop what uses it (./run-embedded, say).");
        }
        return new ServiceSpec(service.name(), port, known.database(), known.jar());
    }

    private static String databaseOf(Service service) {
        String url = service.environment().get("SPRING_DATASOURCE_URL");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** Connects as the service would, through the compose name's address, and asks who it is. */
    private static String query(String database, String user, String password) throws SQLException {
        String url = "jdbc:postgresql://" + network.addressOf("postgres").getHostAddress() + ":" + POSTGRES_PORT + "/"
                + database;
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement();
                var result = statement.executeQuery("select current_user")) {
            result.next();
            return result.getString(1);
        }
    }

    /** The names of every sample every scrape target of the LGTM Prometheus exposes. */
    private static Set<String> scrapeEveryTarget() {
        Volume configuration = COMPOSE.service("lgtm").volumes().stream()
                .filter(volume -> volume.target().equals("/otel-lgtm/prometheus.yaml")).findFirst().orElseThrow();
        Map<String, Object> prometheus = GrafanaProvisioning.yaml(COMPOSE.directory().resolve(configuration.source()));
        Set<String> exposed = new TreeSet<>();
        for (Object scrape : (List<?>) prometheus.get("scrape_configs")) {
            Map<String, Object> job = GrafanaProvisioning.map(scrape);
            for (Object group : (List<?>) job.get("static_configs")) {
                for (Object target : (List<?>) GrafanaProvisioning.map(group).get("targets")) {
                    String[] hostAndPort = target.toString().split(":");
                    URI uri = URI.create("http://" + network.addressOf(hostAndPort[0]).getHostAddress() + ":"
                            + hostAndPort[1] + job.get("metrics_path"));
                    HttpResponse<String> response = send(HttpRequest.newBuilder(uri)
                            .header("Accept", PROMETHEUS_TEXT_FORMAT).GET());
                    assertThat(response.statusCode()).as("GET %s", uri).isEqualTo(200);
                    response.body().lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                            .map(line -> line.split("[{ ]", 2)[0]).forEach(exposed::add);
                }
            }
        }
        return exposed;
    }

    /** One API request to each service, so that each has a server span to export. */
    private static void touchEveryService() {
        Map<String, String> paths = Map.of("order-service", "/orders?customerId=alice",
                "inventory-service", "/products", "payment-service", "/accounts/alice",
                "email-service", "/emails?orderId=00000000-0000-0000-0000-000000000000",
                "analytics-service", "/analytics/summary");
        assertThat(paths.keySet()).containsExactlyInAnyOrderElementsOf(serviceNames());
        paths.forEach((service, path) -> assertThat(send(HttpRequest.newBuilder(
                URI.create(services.get(service).spec().url() + path)).GET()).statusCode())
                .as("GET %s on %s", path, service).isEqualTo(200));
    }

    private static String placeUntilPriced(String order) {
        // 422 until the order-service's replica of the catalog has the product: only at the start of a run.
        List<String> orderId = new ArrayList<>();
        await().atMost(SAGA).until(() -> {
            HttpResponse<String> response = send(HttpRequest.newBuilder(
                    URI.create(services.get("order-service").spec().url() + "/orders"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(order)));
            if (response.statusCode() == 202) {
                orderId.add(JSON.readTree(response.body()).get("orderId").asString());
                return true;
            }
            assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
            return false;
        });
        return orderId.getFirst();
    }

    private static String status(String orderId) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                URI.create(services.get("order-service").spec().url() + "/orders/" + orderId)).GET());
        return JSON.readTree(response.body()).get("status").asString();
    }

    private static List<JsonNode> mailbox(String address) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                URI.create(smtp.apiUrl() + "/api/user/" + address + "/messages/INBOX")).GET());
        List<JsonNode> messages = new ArrayList<>();
        // Before the first mail to an address, GreenMail knows no such user.
        if (response.statusCode() == 200) {
            JSON.readTree(response.body()).forEach(messages::add);
        }
        return messages;
    }

    private static Map<String, String> listeners(String listeners) {
        return Stream.of(listeners.split(",")).map(listener -> listener.split("://", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1], (a, b) -> a, LinkedHashMap::new));
    }

    private static Path onPath(String executable) {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator))
                .map(directory -> Path.of(directory, executable)).filter(Files::isExecutable).findFirst()
                .orElseGet(() -> fail("The compose init script needs " + executable
                        + "; install it with: apt-get install postgresql-client"));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
