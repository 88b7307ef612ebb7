package dev.eventshop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStackTest {

    @TempDir
    Path repositoryRoot;

    @Test
    void a_service_that_is_not_built_is_left_out_with_a_warning() {
        EmbeddedStack stack = EmbeddedStack.create(repositoryRoot, StackOptions.parse());

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

        EmbeddedStack stack = EmbeddedStack.create(repositoryRoot, StackOptions.parse());

        List<String> expected = new ArrayList<>(List.of("PostgreSQL", "Kafka", "SMTP", "Zipkin"));
        Services.ALL.forEach(spec -> expected.add(spec.name()));
        assertThat(stack.componentNames()).containsExactlyElementsOf(expected);
        assertThat(stack.warnings()).isEmpty();
    }
}
