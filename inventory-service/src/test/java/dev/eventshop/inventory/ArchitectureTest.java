package dev.eventshop.inventory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of the stock feature, as rules. Every rule starts from packages that hold classes (ArchUnit fails a
 * rule whose {@code that()} matches nothing), so none of them passes by checking nothing.
 */
@AnalyzeClasses(packages = "dev.eventshop.inventory", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String DOMAIN = "dev.eventshop.inventory.stock.domain..";
    private static final String APPLICATION = "dev.eventshop.inventory.stock.application..";
    private static final String[] ADAPTERS = {
        "dev.eventshop.inventory.stock.web..",
        "dev.eventshop.inventory.stock.persistence..",
        "dev.eventshop.inventory.stock.messaging..",
    };

    @ArchTest
    static final ArchRule the_domain_depends_on_no_framework = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "jakarta.persistence..", "jakarta.servlet..",
                    "java.sql..", "javax.sql..", "dev.eventshop.messaging..");

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
            .should().dependOnClassesThat().resideInAnyPackage(APPLICATION, ADAPTERS[0], ADAPTERS[1], ADAPTERS[2]);

    @ArchTest
    static final ArchRule the_application_layer_depends_on_no_adapter = noClasses()
            .that().resideInAPackage(APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
            .orShould().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "dev.eventshop.messaging..",
                    "java.sql..", "org.springframework.jdbc..", "org.springframework.web..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_each_other = noClasses()
            .that().resideInAnyPackage(ADAPTERS[0], ADAPTERS[2])
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS[1]);
}
