package dev.eventshop.analytics;

import dev.eventshop.testsupport.Infrastructure;
import java.time.Duration;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Starts the analytics-service for a local try, against a real Kafka broker and PostgreSQL of its own (embedded, or
 * containers where Docker runs), with a demo shop that publishes the seed catalog, 50 orders, and then an order every
 * second or so: {@code ./mvnw -pl analytics-service spring-boot:test-run}, then open http://localhost:8085/.
 */
public class TestAnalyticsServiceApplication {

    public static void main(String[] args) {
        Infrastructure infrastructure = Infrastructure.get();
        String database = infrastructure.createDatabase("analytics");
        String[] withInfrastructure = Stream.concat(Stream.of(
                "--spring.datasource.url=" + infrastructure.jdbcUrl(database),
                "--spring.datasource.username=" + infrastructure.username(),
                "--spring.datasource.password=" + infrastructure.password(),
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers()), Stream.of(args))
                .toArray(String[]::new);
        SpringApplication.from(AnalyticsServiceApplication::main).with(DemoShop.class).run(withInfrastructure);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class DemoShop {

        private static final Duration PACE = Duration.ofMillis(1200);

        @Bean
        ApplicationRunner openTheDemoShop(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
            return args -> Thread.ofPlatform().daemon().name("demo-shop").start(() -> {
                try (Shop shop = new Shop(bootstrapServers)) {
                    shop.openWithTheSeedCatalog();
                    shop.publish(shop.mix(50, 1));
                    for (long seed = 2; ; seed++) {
                        Thread.sleep(PACE);
                        shop.publish(shop.mix(1, seed));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }
}
