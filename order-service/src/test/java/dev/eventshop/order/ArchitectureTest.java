package dev.eventshop.order;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of the order feature, as rules. Every rule starts from packages that hold classes (ArchUnit fails a
 * rule whose {@code that()} matches nothing), so none of them passes by checking nothing.
 */
@AnalyzeClasses(packages = "dev.eventshop.order", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String DOMAIN = "dev.eventshop.order.order.domain..";
    private static final String APPLICATION = "dev.eventshop.order.order.application..";
    private static final String[] ADAPTERS = {
        "dev.eventshop.order.order.web..",
        "dev.eventshop.order.order.persistence..",
        "dev.eventshop.order.order.messaging..",
    };

    @ArchTest
    static final ArchRule the_domain_depends_on_no_framework = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "jakarta.persistence..", "jakarta.servlet..",
                    "java.sql..", "dev.eventshop.messaging..");

    @ArchTest
    static final ArchRule the_domain_depends_on_no_other_layer = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(APPLICATION, ADAPTERS[0], ADAPTERS[1], ADAPTERS[2]);

    @ArchTest
    static final ArchRule the_application_layer_depends_on_no_adapter = noClasses()
            .that().resideInAPackage(APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
            .orShould().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "dev.eventshop.messaging..");
}
