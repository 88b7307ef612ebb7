package dev.eventshop.system;

import dev.eventshop.messaging.drills.DuplicateDeliveries;
import dev.eventshop.stack.Services;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * One running system for every system test class of this JVM: starting PostgreSQL, Kafka, SMTP, Zipkin and five
 * service JVMs takes a minute, so it happens once, and a shutdown hook stops it all when the tests are done. Every
 * record is sent twice (the library's {@link DuplicateDeliveries} drill), so every test also proves that duplicates
 * change nothing.
 * Tests share the seed data: each one asserts changes relative to what it read first, never absolute stock or money.
 */
final class SharedSystem {

    /** The library's drill, added to every producer of every service: each record is sent twice. */
    private static final String DUPLICATE_EVERY_RECORD = "{\"spring.kafka.producer.properties.interceptor.classes\":"
            + "\"" + DuplicateDeliveries.class.getName() + "\"}";

    private static @Nullable RunningSystem system;

    private SharedSystem() {
    }

    static synchronized RunningSystem get() {
        if (system == null) {
            Path data = temporaryDirectory();
            RunningSystem started = new RunningSystem(data, Services.ALL,
                    Map.of("SPRING_APPLICATION_JSON", DUPLICATE_EVERY_RECORD));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                delete(data);
            }, "system-tests-shutdown"));
            system = started;
        }
        return system;
    }

    /**
     * Stops the shared system if it runs, for a test that needs the machine to itself (the chaos soak); the next
     * {@link #get()} starts a new one.
     */
    static synchronized void stopIfStarted() {
        if (system != null) {
            system.close();
            system = null;
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("eventshop-system-tests");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Only a temporary directory left behind.
        }
    }
}
