package dev.eventshop.email.http;

import static org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

import dev.eventshop.web.Problems;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /v3/api-docs}: what springdoc finds, plus the errors every operation can answer. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    private static final String PROBLEM = "Problem";

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

    /** Documents the problem details every operation may answer with, whatever the status. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            ApiResponse problem = new ApiResponse()
                    .description("Problem details (RFC 9457): 400 missing or malformed parameter, 404, 405, 406, ...")
                    .content(new Content().addMediaType(APPLICATION_PROBLEM_JSON_VALUE,
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            if (api.getPaths() != null) {
                api.getPaths().values().forEach(path -> path.readOperations()
                        .forEach(operation -> operation.getResponses().addApiResponse("default", problem)));
            }
        };
    }

    private static Schema<?> problemSchema() {
        Schema<?> fieldProblem = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the offending parameter, such as orderId"))
                .addProperty("message", new StringSchema());
        return new ObjectSchema()
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty(Problems.ERRORS, new ArraySchema().items(fieldProblem)
                        .description("For invalid requests: each offending parameter and what is wrong with it"));
    }
}
