package dev.eventshop.analytics;

import dev.eventshop.messaging.EventRecords;
import dev.eventshop.testsupport.EventInjector;
import dev.eventshop.testsupport.Infrastructure;
import java.time.Duration;
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
        SpringApplication.from(AnalyticsServiceApplication::main).with(DemoShop.class)
                .run(Infrastructure.get().commandLine("analytics", args));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class DemoShop {

        private static final Duration PACE = Duration.ofMillis(1200);

        @Bean
        ApplicationRunner openTheDemoShop(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
            return args -> Thread.ofPlatform().daemon().name("demo-shop").start(() -> {
                try (EventInjector events = new EventInjector(bootstrapServers, EventRecords::toProducerRecord)) {
                    Shop shop = new Shop(events);
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
