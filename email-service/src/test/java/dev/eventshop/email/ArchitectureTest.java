package dev.eventshop.email;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;

/**
 * The layering of the notification feature, as rules. Every rule starts from packages that hold classes (ArchUnit
 * fails a rule whose {@code that()} matches nothing), so none of them passes by checking nothing.
 */
@AnalyzeClasses(packages = "dev.eventshop.email", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String DOMAIN = "dev.eventshop.email.notification.domain..";
    private static final String APPLICATION = "dev.eventshop.email.notification.application..";
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

    @ArchTest
    static final ArchRule the_domain_depends_on_no_framework = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.slf4j..")
            .orShould().dependOnClassesThat().resideInAnyPackage(INFRASTRUCTURE);

    /** The domain uses the shared value types (ids, money), never the integration events: those are mapped to. */
    @ArchTest
    static final ArchRule the_domain_knows_no_integration_event = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("dev.eventshop.events.order..",
                    "dev.eventshop.events.inventory..", "dev.eventshop.events.payment..",
                    "dev.eventshop.events.email..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.eventshop.events.IntegrationEvent");

    @ArchTest
    static final ArchRule the_domain_depends_on_no_other_layer = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(APPLICATION)
            .orShould().dependOnClassesThat().resideInAnyPackage(ADAPTERS);

    /** Use cases talk to SMTP, the database and Kafka through their own ports, and map no integration event. */
    @ArchTest
    static final ArchRule the_application_layer_depends_on_no_adapter_and_no_infrastructure = noClasses()
            .that().resideInAPackage(APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
            .orShould().dependOnClassesThat().resideInAnyPackage(INFRASTRUCTURE)
            .orShould().dependOnClassesThat().resideInAnyPackage("dev.eventshop.events.order..",
                    "dev.eventshop.events.email..");

    @ArchTest
    static void adapters_do_not_depend_on_each_other(JavaClasses classes) {
        for (String adapter : ADAPTERS) {
            String[] others = Arrays.stream(ADAPTERS).filter(other -> !other.equals(adapter)).toArray(String[]::new);
            noClasses().that().resideInAPackage(adapter)
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .check(classes);
        }
    }
}
