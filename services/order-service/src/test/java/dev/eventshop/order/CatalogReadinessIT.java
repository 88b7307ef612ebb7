package dev.eventshop.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventshop.events.Money;
import dev.eventshop.events.Sku;
import dev.eventshop.events.inventory.ProductUpdated;
import dev.eventshop.order.catalog.application.CatalogReplica;
import dev.eventshop.testsupport.Gate;
import dev.eventshop.testsupport.Http;
import dev.eventshop.testsupport.Infrastructure;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * A freshly started order-service is not ready until its catalog replica has caught up with the catalog topic: an
 * order placed before could be refused for an unknown product. The test starts a second instance, with a database and
 * a consumer group of its own and its listeners stopped, starts its catalog listener alone, and holds that listener at
 * its first product.
 */
class CatalogReadinessIT extends IntegrationTest {

    @Test
    void a_new_instance_is_ready_only_once_its_catalog_replica_has_every_product_on_the_topic() throws Exception {
        Gate<ProductUpdated> firstProduct = new Gate<>(PATIENCE);
        try (ConfigurableApplicationContext instance = startAnotherInstance(new HoldFirstSave(firstProduct))) {
            Http itsApi = new Http(((WebServerApplicationContext) instance).getWebServer().getPort());

            assertThat(readiness(itsApi)).as("before its catalog listener runs").isEqualTo(503);

            Objects.requireNonNull(instance.getBean(KafkaListenerEndpointRegistry.class)
                    .getListenerContainer("catalog-replica"), "the catalog listener").start();
            firstProduct.awaitArrival();
            assertThat(readiness(itsApi)).as("while it stores the first product").isEqualTo(503);
            firstProduct.open();

            await("the new instance is ready").atMost(PATIENCE)
                    .until(() -> readiness(itsApi) == 200);
            assertThat(itsApi.get("/actuator/health/readiness").json().get("status").asString()).isEqualTo("UP");
            assertThat(instance.getBean(JdbcClient.class)
                    .sql("SELECT sku FROM catalog_product").query(String.class).list())
                    .as("every seed product is in its replica")
                    .containsAll(SeedCatalog.PRODUCTS.stream().map(product -> product.sku().value()).toList());
        }
    }

    private static int readiness(Http api) {
        return api.get("/actuator/health/readiness").status();
    }

    /** The order-service once more, as a replica of it starts, but with no listener running until the test says. */
    private static ConfigurableApplicationContext startAnotherInstance(BeanPostProcessor hook) {
        return new SpringApplicationBuilder(OrderServiceApplication.class)
                .initializers(context -> context.getBeanFactory().addBeanPostProcessor(hook))
                .run(Infrastructure.get().commandLine("orders_readiness",
                        "--server.port=0",
                        "--spring.profiles.active=it",
                        "--spring.kafka.consumer.group-id=order-service-readiness-" + UUID.randomUUID(),
                        "--spring.kafka.listener.auto-startup=false"));
    }

    /** Holds the first product the instance's replica stores at the gate; the later ones pass. */
    private static final class HoldFirstSave implements BeanPostProcessor {

        private final Gate<ProductUpdated> gate;
        private final AtomicBoolean held = new AtomicBoolean();

        HoldFirstSave(Gate<ProductUpdated> gate) {
            this.gate = gate;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (!(bean instanceof CatalogReplica catalog)) {
                return bean;
            }
            return new CatalogReplica() {

                @Override
                public Map<Sku, Money> pricesOf(Collection<Sku> skus) {
                    return catalog.pricesOf(skus);
                }

                @Override
                public void save(ProductUpdated product) {
                    if (held.compareAndSet(false, true)) {
                        gate.holdHere(product);
                    }
                    catalog.save(product);
                }
            };
        }
    }
}
