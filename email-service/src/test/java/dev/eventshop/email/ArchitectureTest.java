package dev.eventshop.email;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.eventshop.testsupport.Layering;
import java.util.Arrays;
import java.util.stream.Stream;

/** The layering of the notification feature, as rules. */
@AnalyzeClasses(packages = "dev.eventshop.email", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] ADAPTERS = {
        "dev.eventshop.email.notification.web..",
        "dev.eventshop.email.notification.persistence..",
        "dev.eventshop.email.notification.messaging..",
        "dev.eventshop.email.notification.smtp..",
    };
    private static final String[] INFRASTRUCTURE = {
        "org.apache.kafka..", "dev.eventshop.messaging..", "java.sql..", "javax.sql..", "org.springframework.jdbc..",
        "jakarta.mail..", "org.eclipse.angus..", "org.springframework.mail..", "org.springframework.web..",
        "jakarta.servlet..",
    };
    private static final Layering LAYERS = new Layering(
            "dev.eventshop.email.notification.domain..", "dev.eventshop.email.notification.application..", ADAPTERS);

    @ArchTest
    static final ArchRule the_domain_depends_on_no_framework = LAYERS.domainDependsOnNoneOf(
            and(INFRASTRUCTURE, "org.springframework..", "org.slf4j.."));

    @ArchTest
    static final ArchRule the_domain_knows_no_integration_event = LAYERS.domainKnowsNoIntegrationEvent();

    @ArchTest
    static final ArchRule the_domain_depends_on_no_other_layer = LAYERS.domainDependsOnNoOtherLayer();

    /** Use cases talk to SMTP, the database and Kafka through their own ports, and map no integration event. */
    @ArchTest
    static final ArchRule the_application_layer_depends_on_no_adapter_and_no_infrastructure =
            LAYERS.applicationDependsOnNoAdapterNorOn(
                    and(INFRASTRUCTURE, "dev.eventshop.events.order..", "dev.eventshop.events.email.."));

    @ArchTest
    static void adapters_do_not_depend_on_each_other(JavaClasses classes) {
        for (String adapter : ADAPTERS) {
            String[] others = Arrays.stream(ADAPTERS).filter(other -> !other.equals(adapter)).toArray(String[]::new);
            noClasses().that().resideInAPackage(adapter)
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .check(classes);
        }
    }

    private static String[] and(String[] packages, String... more) {
        return Stream.concat(Arrays.stream(packages), Arrays.stream(more)).toArray(String[]::new);
    }
}
