package dev.eventshop.messaging;

import dev.eventshop.testsupport.WithRealInfrastructure;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;

/** The one context configuration of the library's integration tests, so Spring starts it once. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = TestApplication.class)
@WithRealInfrastructure
@AutoConfigureTracing
public @interface MessagingTestContext {
}
