package dev.eventshop.analytics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.eventshop.testsupport.Layering;

/** The layering of the read models, as rules. */
@AnalyzeClasses(packages = "dev.eventshop.analytics", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final Layering LAYERS = new Layering(
            "dev.eventshop.analytics.sales.domain..",
            "dev.eventshop.analytics.sales.application..",
            "dev.eventshop.analytics.sales.web..",
            "dev.eventshop.analytics.sales.persistence..",
            "dev.eventshop.analytics.sales.messaging..",
            "dev.eventshop.analytics.dashboard..");

    @ArchTest
    static final ArchRule the_domain_depends_on_no_framework = LAYERS.domainDependsOnNoneOf(
            "org.springframework..", "org.apache.kafka..", "jakarta..", "java.sql..", "javax.sql..", "tools.jackson..",
            "com.fasterxml.jackson..", "io.micrometer..", "org.slf4j..", "dev.eventshop.messaging..",
            "dev.eventshop.web..");

    @ArchTest
    static final ArchRule the_domain_depends_on_no_other_layer = LAYERS.domainDependsOnNoOtherLayer();

    @ArchTest
    static final ArchRule the_application_layer_depends_on_no_adapter_nor_on_kafka_or_jdbc =
            LAYERS.applicationDependsOnNoAdapterNorOn("org.apache.kafka..", "java.sql..", "org.springframework.jdbc..",
                    "dev.eventshop.messaging..", "org.springframework.web..");

    @ArchTest
    static final ArchRule only_the_messaging_adapter_talks_to_kafka = noClasses()
            .that().resideOutsideOfPackage("dev.eventshop.analytics.sales.messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..",
                    "dev.eventshop.messaging..");
}
