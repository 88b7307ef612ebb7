package dev.eventshop.email;

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
    OpenAPI emailServiceApi() {
        return new OpenAPI().info(new Info()
                .title("email-service")
                .version("v1")
                .description("""
                        The log of the emails sent to customers about their orders: one when an order is confirmed, \
                        one when it is cancelled, each at most once. Emails are sent over SMTP as the order events \
                        arrive; this API only reads the log. Every error is application/problem+json (RFC 9457)."""));
    }

    /** Every operation may answer with problem details; these are the ones this service uses. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return ProblemResponses.documentedAs(
                "Problem details (RFC 9457): 400 missing or malformed parameter, 404, 405, 406, ...");
    }
}
