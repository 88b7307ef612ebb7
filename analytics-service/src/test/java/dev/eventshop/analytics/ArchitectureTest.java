package dev.eventshop.analytics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of the read models, as rules. Every rule starts from packages that hold classes (ArchUnit fails a rule
 * whose {@code that()} matches nothing), so none of them passes by checking nothing.
 */
@AnalyzeClasses(packages = "dev.eventshop.analytics", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String DOMAIN = "dev.eventshop.analytics.sales.domain..";
    private static final String APPLICATION = "dev.eventshop.analytics.sales.application..";
    private static final String[] ADAPTERS = {
        "dev.eventshop.analytics.sales.web..",
        "dev.eventshop.analytics.sales.persistence..",
        "dev.eventshop.analytics.sales.messaging..",
        "dev.eventshop.analytics.dashboard..",
    };

    @ArchTest
    static final ArchRule the_domain_depends_on_no_framework = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "jakarta..", "java.sql..", "javax.sql..",
                    "tools.jackson..", "com.fasterxml.jackson..", "io.micrometer..", "org.slf4j..",
                    "dev.eventshop.messaging..", "dev.eventshop.web..");

    @ArchTest
    static final ArchRule the_domain_depends_on_no_other_layer = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(APPLICATION)
            .orShould().dependOnClassesThat().resideInAnyPackage(ADAPTERS);

    @ArchTest
    static final ArchRule the_application_layer_depends_on_no_adapter_nor_on_kafka_or_jdbc = noClasses()
            .that().resideInAPackage(APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
            .orShould().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "java.sql..",
                    "org.springframework.jdbc..", "dev.eventshop.messaging..", "org.springframework.web..");

    @ArchTest
    static final ArchRule only_the_messaging_adapter_talks_to_kafka = noClasses()
            .that().resideOutsideOfPackage("dev.eventshop.analytics.sales.messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..",
                    "dev.eventshop.messaging..");
}
