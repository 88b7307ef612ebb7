package dev.eventshop.web;

import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Gives a servlet service the shared HTTP edge: problem details for every error, from controllers, filters, the
 * {@code /error} page and the container itself; strictly typed JSON; the request body limit; a {@code traceresponse}
 * header on every answer when the service traces. Runs before Spring Boot's
 * error handling, whose HTML and JSON error pages it replaces.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ServiceWebProperties.class)
@Import({ProblemDetailsAdvice.class, ProblemErrorController.class})
public class ServiceWebAutoConfiguration {

    @Bean
    ProblemWriter problemWriter(JsonMapper json) {
        return new ProblemWriter(json);
    }

    @Bean
    RequestLogContext requestLogContext() {
        return new RequestLogContext();
    }

    @Bean
    RequestBodyLimitFilter requestBodyLimitFilter(ProblemWriter problems, ServiceWebProperties properties) {
        return new RequestBodyLimitFilter(problems, Math.toIntExact(properties.getMaxRequestBody().toBytes()));
    }

    /**
     * Request bodies are read strictly: a value of the wrong JSON type ({@code "quantity": "2"}, {@code 2.5} for a
     * whole number, {@code "customerId": 42}) is a {@code 400} naming the field, never a silent conversion.
     */
    @Bean
    JsonMapperBuilderCustomizer strictScalars() {
        return builder -> builder
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /** Only for a service with a database: web-only services have no transactions to fail. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.springframework.dao.DataAccessException",
            "org.springframework.transaction.CannotCreateTransactionException"})
    @Import(DatabaseProblems.class)
    static class Database {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tracer.class)
    static class Tracing {

        /** The tracer is looked up on first use: tracing's auto-configuration may come after this one. */
        @Bean
        TraceResponseFilter traceResponseFilter(ObjectProvider<Tracer> tracer) {
            return new TraceResponseFilter(tracer);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ConfigurableTomcatWebServerFactory.class)
    static class Tomcat {

        @Bean
        ContainerErrors containerErrors() {
            return new ContainerErrors();
        }
    }
}
