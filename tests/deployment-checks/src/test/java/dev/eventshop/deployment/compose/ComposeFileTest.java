package dev.eventshop.deployment.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.deployment.compose.ComposeFile.Port;
import dev.eventshop.deployment.compose.ComposeFile.Service;
import dev.eventshop.deployment.compose.ComposeFile.Volume;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yml, checked without a Docker engine: a real Compose implementation accepts it and resolves it as
 * {@link ComposeFile} reads it, and the file keeps the rules of the deployment: pinned images, a health check and a
 * restart policy for every container, services that wait for healthy infrastructure, the contract's ports, memory that
 * fits in 8 GiB, and no secret but overridable development defaults.
 */
class ComposeFileTest {

    private static final ComposeFile COMPOSE = ComposeFile.ofRepository();

    /** The contract: each service's port. */
    private static final Map<String, Integer> SERVICE_PORTS = Map.of("order-service", 8081, "inventory-service", 8082,
            "payment-service", 8083, "email-service", 8084, "analytics-service", 8085);

    private static final long MEMORY_BUDGET = 8L << 30;

    /** A tag that names a release: a version number with at least a minor part, and maybe a variant after it. */
    private static final Pattern VERSION_TAG = Pattern.compile("v?\\d+\\.\\d+(\\.\\d+)?([._-][A-Za-z0-9._-]+)?");

    private static final Pattern DEVELOPMENT_DEFAULT = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*:-dev-only-[a-z0-9-]+}");

    @Test
    void a_real_compose_implementation_accepts_the_file() {
        ComposeCli.Result result = ComposeCli.find().run(COMPOSE, "config", "--quiet");

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void the_real_implementation_resolves_every_image_build_and_environment_as_the_checks_read_them() {
        ComposeCli.Result result = ComposeCli.find().run(COMPOSE, "config");
        assertThat(result.exitCode()).as(result.output()).isZero();
        Map<String, Object> resolved = new Yaml(new SafeConstructor(new LoaderOptions())).load(result.output());

        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) resolved.get("services");
        assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(names(COMPOSE.services()));
        assertThat(COMPOSE.services()).allSatisfy(service -> {
            Map<String, Object> real = services.get(service.name());
            assertThat(stringValues(real.get("environment"))).as("environment of %s", service.name())
                    .isEqualTo(service.environment());
            if (!service.isBuilt()) {
                assertThat(real.get("image")).as("image of %s", service.name()).isEqualTo(service.image().orElseThrow());
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> build = (Map<String, Object>) real.get("build");
                assertThat(stringValues(build.get("args"))).as("build args of %s", service.name())
                        .isEqualTo(service.buildArgs());
            }
        });
    }

    @Test
    void every_pulled_image_is_pinned_to_a_version() {
        List<String> images = COMPOSE.services().stream().filter(service -> !service.isBuilt())
                .map(service -> service.image().orElseThrow()).toList();

        assertThat(images).isNotEmpty().allSatisfy(image -> {
            assertThat(image).as("a tag").contains(":");
            String tag = image.substring(image.lastIndexOf(':') + 1);
            assertThat(tag).as("the tag of %s", image).isNotEqualTo("latest").matches(VERSION_TAG);
        });
    }

    @Test
    void the_five_services_are_built_from_the_repository_dockerfile_each_on_its_contract_port() {
        List<Service> built = COMPOSE.services().stream().filter(Service::isBuilt).toList();

        assertThat(names(built)).containsExactlyInAnyOrderElementsOf(SERVICE_PORTS.keySet());
        assertThat(built).allSatisfy(service -> {
            int port = SERVICE_PORTS.get(service.name());
            assertThat(service.dockerfile()).contains(Path.of("Dockerfile"));
            assertThat(service.buildArgs()).containsEntry("SERVICE", service.name())
                    .containsEntry("SERVICE_PORT", String.valueOf(port));
            assertThat(RepositoryFiles.root().resolve("services").resolve(service.name()).resolve("pom.xml"))
                    .as("its Maven module")
                    .isRegularFile();
            assertThat(service.environment()).containsEntry("SERVER_PORT", String.valueOf(port));
            assertThat(service.ports()).containsExactly(new Port(OptionalInt.of(port), port));
        });
    }

    @Test
    void every_container_has_a_health_check() {
        boolean dockerfileChecksHealth = Dockerfile.ofRepository().finalStage().stream()
                .anyMatch(instruction -> instruction.keyword().equals("HEALTHCHECK")
                        && !instruction.arguments().equals("NONE"));

        assertThat(COMPOSE.services()).allSatisfy(service -> {
            if (service.isBuilt()) {
                // The image's own HEALTHCHECK applies; Compose overrides it only with a healthcheck of its own.
                assertThat(dockerfileChecksHealth).as("the Dockerfile's HEALTHCHECK, for %s", service.name()).isTrue();
                assertThat(service.healthcheck()).as("no override for %s", service.name()).isEmpty();
            } else {
                Map<String, Object> check = service.healthcheck().orElseThrow(
                        () -> new AssertionError(service.name() + " has no healthcheck"));
                assertThat(check.get("disable")).as("%s disables its check", service.name()).isNotEqualTo(true);
                assertThat(check.get("test")).as("the test of %s", service.name()).isInstanceOf(List.class);
                assertThat(((List<?>) check.get("test")).getFirst()).isIn("CMD", "CMD-SHELL");
            }
        });
    }

    @Test
    void every_service_waits_for_each_host_its_environment_names_to_be_healthy() {
        Set<String> serviceNames = Set.copyOf(names(COMPOSE.services()));

        assertThat(COMPOSE.services()).allSatisfy(service -> {
            Set<String> named = hostsNamedIn(service.environment(), serviceNames);
            // The broker advertises itself by its own name; that is no dependency.
            named.remove(service.name());
            Map<String, String> waitsFor = service.dependsOn();
            assertThat(waitsFor.keySet()).as("%s names %s", service.name(), named).containsAll(named);
            assertThat(waitsFor).as("what %s waits for", service.name())
                    .allSatisfy((dependency, condition) -> assertThat(condition).isEqualTo("service_healthy"));
        });
    }

    @Test
    void the_services_wait_for_the_database_the_broker_and_the_telemetry_backend_and_the_email_service_for_smtp() {
        assertThat(COMPOSE.services()).filteredOn(Service::isBuilt).allSatisfy(service ->
                assertThat(service.dependsOn()).containsKeys("postgres", "kafka", "lgtm"));
        assertThat(COMPOSE.service("email-service").dependsOn()).containsKey("mailpit");
    }

    @Test
    void every_container_restarts_after_a_crash() {
        assertThat(COMPOSE.services()).allSatisfy(service -> assertThat(service.restart())
                .as("restart policy of %s", service.name()).hasValueSatisfying(policy ->
                        assertThat(policy).isIn("unless-stopped", "always", "on-failure")));
    }

    @Test
    void the_whole_stack_fits_in_8_gib() {
        Map<String, Long> limits = new LinkedHashMap<>();
        COMPOSE.services().forEach(service -> limits.put(service.name(), service.memoryLimitBytes().orElseThrow(
                () -> new AssertionError(service.name() + " has no mem_limit"))));

        assertThat(limits.values().stream().mapToLong(Long::longValue).sum()).as("the sum of %s", limits)
                .isLessThanOrEqualTo(MEMORY_BUDGET);
    }

    @Test
    void every_secret_is_an_overridable_development_default() {
        Map<String, String> secrets = new LinkedHashMap<>();
        rawServices().forEach((name, definition) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> environment = (Map<String, Object>) ((Map<String, Object>) definition)
                    .getOrDefault("environment", Map.of());
            environment.forEach((variable, value) -> {
                if (variable.matches(".*(PASSWORD|SECRET|TOKEN|CREDENTIAL).*")) {
                    secrets.put(name + "." + variable, String.valueOf(value));
                }
            });
        });

        assertThat(secrets).isNotEmpty()
                .allSatisfy((where, value) -> assertThat(value).as(where).matches(DEVELOPMENT_DEFAULT));
    }

    @Test
    void kafka_advertises_to_the_containers_the_address_they_use_and_to_the_host_its_published_port() {
        Map<String, String> kafka = COMPOSE.service("kafka").environment();
        Map<String, String> advertised = listeners(kafka.get("KAFKA_ADVERTISED_LISTENERS"));
        Map<String, String> bound = listeners(kafka.get("KAFKA_LISTENERS"));
        String inNetwork = advertised.values().stream().filter(address -> address.startsWith("kafka:"))
                .findFirst().orElseThrow(() -> new AssertionError("no listener advertised as kafka:<port>"));
        String forTheHost = advertised.values().stream().filter(address -> address.startsWith("localhost:"))
                .findFirst().orElseThrow(() -> new AssertionError("no listener advertised as localhost:<port>"));

        assertThat(COMPOSE.services()).filteredOn(Service::isBuilt).allSatisfy(service -> assertThat(
                service.environment()).containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", inNetwork));
        assertThat(COMPOSE.service("kafka-ui").environment())
                .containsEntry("KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS", inNetwork);
        assertThat(forTheHost).isEqualTo("localhost:9092");
        assertThat(COMPOSE.service("kafka").ports()).contains(new Port(OptionalInt.of(9092), 9092));
        assertThat(advertised).allSatisfy((listener, address) -> assertThat(bound.get(listener))
                .as("the port %s binds", listener).endsWith(address.substring(address.indexOf(':'))));
        assertThat(kafka.get("KAFKA_INTER_BROKER_LISTENER_NAME")).isIn(advertised.keySet());
    }

    @Test
    void postgres_runs_the_init_script_that_gives_each_service_its_database_role_and_password() throws Exception {
        Service postgres = COMPOSE.service("postgres");
        Volume initScript = postgres.volumes().stream()
                .filter(volume -> volume.target().startsWith("/docker-entrypoint-initdb.d/")).findFirst()
                .orElseThrow(() -> new AssertionError("no init script mounted"));
        String script = Files.readString(COMPOSE.directory().resolve(initScript.source()));

        assertThat(initScript.readOnly()).isTrue();
        assertThat(COMPOSE.services()).filteredOn(Service::isBuilt).allSatisfy(service -> {
            Map<String, String> environment = service.environment();
            String url = environment.get("SPRING_DATASOURCE_URL");
            assertThat(url).startsWith("jdbc:postgresql://postgres:5432/");
            String database = url.substring(url.lastIndexOf('/') + 1);
            Matcher creation = Pattern.compile("create_database " + database + " "
                    + environment.get("SPRING_DATASOURCE_USERNAME") + " \"\\$\\{(\\w+):\\?}\"").matcher(script);
            assertThat(creation.find()).as("%s creates %s for %s", initScript.source(), database, service.name())
                    .isTrue();
            assertThat(postgres.environment().get(creation.group(1))).as("the password of %s", service.name())
                    .isEqualTo(environment.get("SPRING_DATASOURCE_PASSWORD"));
        });
    }

    @Test
    void every_bind_mount_is_a_file_or_directory_of_the_repository() {
        List<Volume> bindMounts = COMPOSE.services().stream().flatMap(service -> service.volumes().stream())
                .filter(Volume::isBindMount).toList();

        assertThat(bindMounts).isNotEmpty().allSatisfy(volume -> {
            assertThat(COMPOSE.directory().resolve(volume.source())).exists();
            assertThat(volume.readOnly()).as("%s is mounted read-only", volume.source()).isTrue();
        });
    }

    /** Compose service names that appear as a host in the environment: {@code kafka:19092}, {@code //lgtm:4318}. */
    private static Set<String> hostsNamedIn(Map<String, String> environment, Set<String> serviceNames) {
        return serviceNames.stream()
                .filter(name -> environment.values().stream().anyMatch(value ->
                        Pattern.compile("(^|//|,)" + Pattern.quote(name) + "(:|$)").matcher(value).find()))
                .collect(Collectors.toCollection(HashSet::new));
    }

    /** {@code INTERNAL://kafka:19092,EXTERNAL://localhost:9092} as listener name to host and port. */
    private static Map<String, String> listeners(String listeners) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String listener : listeners.split(",")) {
            String[] nameAndAddress = listener.split("://", 2);
            result.put(nameAndAddress[0], nameAndAddress[1]);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rawServices() {
        return (Map<String, Object>) COMPOSE.raw().get("services");
    }

    private static Map<String, String> stringValues(Object map) {
        Map<String, String> result = new LinkedHashMap<>();
        if (map != null) {
            ((Map<?, ?>) map).forEach((key, value) -> result.put(key.toString(), String.valueOf(value)));
        }
        return result;
    }

    private static List<String> names(List<Service> services) {
        return services.stream().map(Service::name).toList();
    }
}
