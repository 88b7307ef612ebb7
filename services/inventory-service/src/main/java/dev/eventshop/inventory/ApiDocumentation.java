package dev.eventshop.inventory;

import dev.eventshop.web.ProblemResponses;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /v3/api-docs}: what springdoc finds, plus the errors every operation can answer. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI inventoryServiceApi() {
        return new OpenAPI().info(new Info()
                .title("inventory-service")
                .version("v1")
                .description("""
                        The products of the shop, their prices and their stock: available units can be sold, \
                        reserved units are held for orders in flight. Stock is reserved, released and sold by events \
                        of the order saga; a restock adds available units. Every change is published to the \
                        product-catalog topic. Every error is application/problem+json (RFC 9457)."""));
    }

    /** Every operation may answer with problem details; these are the ones this service uses. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return ProblemResponses.documentedAs(
                "Problem details (RFC 9457): 400 invalid request, 404 unknown product, 409 stock limit "
                + "reached or request in flight, 413 body over 64 KiB, 415 not JSON, 422 reused key, 503 request "
                + "abandoned, ...");
    }
}
