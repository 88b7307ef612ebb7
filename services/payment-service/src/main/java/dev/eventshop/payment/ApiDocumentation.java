package dev.eventshop.payment;

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
    OpenAPI paymentServiceApi() {
        return new OpenAPI().info(new Info()
                .title("payment-service")
                .version("v1")
                .description("""
                        Customer accounts as an event-sourced ledger, and the payment of each order. An account's \
                        balance is what its ledger's events add up to, now or as of any instant. Orders are charged \
                        from Kafka events, never over HTTP; deposits pay money in. Amounts are decimal strings. \
                        Every error is application/problem+json (RFC 9457)."""));
    }

    /** Every operation may answer with problem details; these are the ones this service uses. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return ProblemResponses.documentedAs(
                "Problem details (RFC 9457): 400 invalid request, 404 unknown account or payment, 409 account "
                + "busy or request in flight, 413 body over 16 KiB, 415 not JSON, 422 deposit in another currency "
                + "than the account's or reused key, 503 request abandoned, ...");
    }
}
