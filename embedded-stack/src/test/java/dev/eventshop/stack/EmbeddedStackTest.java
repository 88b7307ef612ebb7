package dev.eventshop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStackTest {

    @TempDir
    Path repositoryRoot;

    @Test
    void aServiceThatIsNotBuiltIsLeftOutWithAWarning() {
        EmbeddedStack stack = EmbeddedStack.create(repositoryRoot, StackOptions.parse());

        assertThat(stack.componentNames()).containsExactly("PostgreSQL", "Kafka");
        assertThat(stack.warnings()).containsExactly(
                "order-service is not built (no order-service/target/order-service.jar), so it does not run.");
    }

    @Test
    void aBuiltServiceStartsAfterTheInfrastructure() throws IOException {
        Path jar = Services.ORDER_SERVICE.jarIn(repositoryRoot);
        Files.createDirectories(jar.getParent());
        Files.createFile(jar);

        EmbeddedStack stack = EmbeddedStack.create(repositoryRoot, StackOptions.parse());

        assertThat(stack.componentNames()).containsExactly("PostgreSQL", "Kafka", "order-service");
        assertThat(stack.warnings()).isEmpty();
    }
}
