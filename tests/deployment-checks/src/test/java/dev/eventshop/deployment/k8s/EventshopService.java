package dev.eventshop.deployment.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * The five services, with the port and database their own {@code application.yml} names as defaults: what the
 * deployment must agree with.
 */
enum EventshopService {

    ORDER("order-service"),
    INVENTORY("inventory-service"),
    PAYMENT("payment-service"),
    EMAIL("email-service"),
    ANALYTICS("analytics-service");

    /** {@code ${NAME:default}}, the form in which application.yml gives each setting an environment variable. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+):(.*)}");

    /** What every service's configuration shares, below its own application.yml (service-web's SharedDefaults). */
    private static final List<Path> SHARED_DEFAULTS = List.of(
            Path.of("libraries/reliable-messaging/src/main/resources/META-INF/eventshop/defaults/reliable-messaging.yml"),
            Path.of("libraries/service-web/src/main/resources/META-INF/eventshop/defaults/service-web.yml"),
            Path.of("libraries/service-observability/src/main/resources/META-INF/eventshop/defaults/service-observability.yml"));

    private final String name;

    EventshopService(String name) {
        this.name = name;
    }

    /** The service of that name, if it is one of the five. */
    static Optional<EventshopService> named(String name) {
        return Stream.of(values()).filter(service -> service.name.equals(name)).findFirst();
    }

    /** The name of the service, its Deployment, Service, container and image. */
    String serviceName() {
        return name;
    }

    /** The HTTP port: the default of {@code server.port}. */
    int port() {
        return Integer.parseInt(defaultOf("server", "port"));
    }

    /** The name of the service's database: the last part of the default {@code spring.datasource.url}. */
    String database() {
        String url = defaultOf("spring", "datasource", "url");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** The most connections the service opens to its database: the default of its Hikari pool size. */
    int connectionPoolSize() {
        return Integer.parseInt(defaultOf("spring", "datasource", "hikari", "maximum-pool-size"));
    }

    /** The name of the service's PostgreSQL role, as the Cluster declares it. */
    String role() {
        return name.replace('-', '_');
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * A setting as the service starts with it when the environment sets nothing: from its own {@code application.yml},
     * else from the shared modules' defaults; a {@code ${VARIABLE:default}} counts with its default.
     */
    private String defaultOf(String... path) {
        Object value = lookUp(applicationYml(), path);
        for (Path defaults : SHARED_DEFAULTS) {
            if (value == null) {
                value = lookUp(load(Repository.path(defaults.toString())), path);
            }
        }
        if (value == null) {
            throw new IllegalStateException(name + ": no " + String.join(".", path) + " in its application.yml or the "
                    + "shared defaults");
        }
        Matcher placeholder = PLACEHOLDER.matcher(String.valueOf(value));
        return placeholder.matches() ? placeholder.group(2) : String.valueOf(value);
    }

    private static Object lookUp(Map<?, ?> yaml, String... path) {
        Object value = yaml;
        for (String key : path) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(key);
        }
        return value;
    }

    private Map<?, ?> applicationYml() {
        return load(Repository.path("services/" + name + "/src/main/resources/application.yml"));
    }

    private static Map<?, ?> load(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
