package dev.eventshop.order;

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
    OpenAPI orderServiceApi() {
        return new OpenAPI().info(new Info()
                .title("order-service")
                .version("v1")
                .description("""
                        Places orders and follows them through the order saga. Prices come from the catalog, never \
                        from the client. An order is accepted as PENDING and becomes CONFIRMED or CANCELLED as \
                        inventory and payment events arrive. Every error is application/problem+json (RFC 9457)."""));
    }

    /** Every operation may answer with problem details; these are the ones this service uses. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return ProblemResponses.documentedAs(
                "Problem details (RFC 9457): 400 invalid request, 404 unknown order, 409 request in flight, "
                + "413 body over 64 KiB, 415 not JSON, 422 unknown SKU or reused key, 503 request abandoned, ...");
    }
}
