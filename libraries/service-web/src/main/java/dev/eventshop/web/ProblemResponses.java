package dev.eventshop.web;

import static org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;

/** Documents in a service's OpenAPI document the problem details (RFC 9457) that every operation may answer with. */
public final class ProblemResponses {

    private static final String PROBLEM = "Problem";

    private ProblemResponses() {
    }

    /**
     * Adds the {@code Problem} schema and, to every operation, a {@code default} response of that type.
     *
     * @param description which problems the service answers with, for instance {@code 404 unknown order, ...}
     */
    public static OpenApiCustomizer documentedAs(String description) {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            ApiResponse problem = new ApiResponse()
                    .description(description)
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
                .addProperty("field", new StringSchema().description("items[0].quantity, a parameter or a header"))
                .addProperty("message", new StringSchema());
        return new ObjectSchema()
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty(Problems.ERRORS, new ArraySchema().items(fieldProblem)
                        .description("For invalid requests: each offending field and what is wrong with it"));
    }
}
