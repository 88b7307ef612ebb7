package dev.eventshop.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * Points a Spring Boot test at the JVM's real Kafka broker and at a fresh PostgreSQL database of its own. Contexts
 * that share a configuration are cached by Spring as usual, so each distinct context creates one database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(RealInfrastructureConfiguration.class)
public @interface WithRealInfrastructure {
}
