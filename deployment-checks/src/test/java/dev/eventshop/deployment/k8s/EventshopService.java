package dev.eventshop.deployment.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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

    private String defaultOf(String... path) {
        Object value = applicationYml();
        for (String key : path) {
            value = ((Map<?, ?>) value).get(key);
        }
        Matcher placeholder = PLACEHOLDER.matcher(String.valueOf(value));
        if (!placeholder.matches()) {
            throw new IllegalStateException(name + ": " + String.join(".", path) + " is not ${VARIABLE:default}");
        }
        return placeholder.group(2);
    }

    private Map<?, ?> applicationYml() {
        try (Reader reader = Files.newBufferedReader(
                Repository.path(name + "/src/main/resources/application.yml"))) {
            return new Yaml().load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
