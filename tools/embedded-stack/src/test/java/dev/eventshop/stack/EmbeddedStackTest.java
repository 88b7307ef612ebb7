package dev.eventshop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStackTest {

    @TempDir
    Path repositoryRoot;

    @Test
    void a_service_that_is_not_built_is_left_out_with_a_warning() {
        EmbeddedStack stack = EmbeddedStack.create(repositoryRoot, StackOptions.parse(), Map.of());

        assertThat(stack.componentNames()).containsExactly("PostgreSQL", "Kafka", "SMTP", "Zipkin");
        assertThat(stack.warnings()).hasSize(Services.ALL.size()).contains(
                "order-service is not built (no services/order-service/target/order-service.jar), so it does not run.");
    }

    @Test
    void built_services_start_after_the_infrastructure_in_their_listed_order() throws IOException {
        for (ServiceSpec spec : Services.ALL) {
            Path jar = spec.jarIn(repositoryRoot);
            Files.createDirectories(jar.getParent());
            Files.createFile(jar);
        }

        EmbeddedStack stack = EmbeddedStack.create(repositoryRoot, StackOptions.parse(), Map.of());

        List<String> expected = new ArrayList<>(List.of("PostgreSQL", "Kafka", "SMTP", "Zipkin"));
        Services.ALL.forEach(spec -> expected.add(spec.name()));
        assertThat(stack.componentNames()).containsExactlyElementsOf(expected);
        assertThat(stack.warnings()).isEmpty();
    }

    @Test
    void the_launchers_wiring_wins_over_its_environment_and_its_defaults_do_not() throws IOException {
        Path jar = Services.ORDER_SERVICE.jarIn(repositoryRoot);
        Files.createDirectories(jar.getParent());
        Files.createFile(jar);

        EmbeddedStack stack = EmbeddedStack.create(repositoryRoot, StackOptions.parse(), Map.of(
                "LOGGING_LEVEL_ORG_APACHE_KAFKA", "DEBUG",
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://elsewhere:5432/orders"));

        // The service inherits the launcher's environment: what is not set here reaches it as it was given.
        assertThat(stack.serviceEnvironment("order-service"))
                .doesNotContainKey("LOGGING_LEVEL_ORG_APACHE_KAFKA")
                .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:15432/orders");
    }

    @Test
    void without_a_kafka_log_level_in_its_environment_the_launcher_quiets_the_kafka_clients() throws IOException {
        Path jar = Services.ORDER_SERVICE.jarIn(repositoryRoot);
        Files.createDirectories(jar.getParent());
        Files.createFile(jar);

        EmbeddedStack stack = EmbeddedStack.create(repositoryRoot, StackOptions.parse(), Map.of());

        assertThat(stack.serviceEnvironment("order-service")).containsEntry("LOGGING_LEVEL_ORG_APACHE_KAFKA", "WARN");
    }
}
