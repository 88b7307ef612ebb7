package dev.eventshop.analytics;

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
    OpenAPI analyticsServiceApi() {
        return new OpenAPI().info(new Info()
                .title("analytics-service")
                .version("v1")
                .description("""
                        Read models of every topic of the system: orders placed, confirmed and cancelled by reason, \
                        revenue, conversion rate, top products and the time from placement to confirmation, as one \
                        summary, as a stream of server-sent events for the dashboard at /, and rebuilt on demand \
                        from the start of the topics. Money is a decimal string with its currency. Every error is \
                        application/problem+json (RFC 9457)."""));
    }

    /** Every operation may answer with problem details; these are the ones this service uses. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return ProblemResponses.documentedAs(
                "Problem details (RFC 9457): 409 a rebuild is already running, 503 the topics cannot be read, "
                + "404, 405, 406, ...");
    }
}
