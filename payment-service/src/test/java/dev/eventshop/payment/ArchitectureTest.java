package dev.eventshop.payment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.eventshop.testsupport.Layering;

/** The layering of the account and payment features, as rules. */
@AnalyzeClasses(packages = "dev.eventshop.payment", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final Layering LAYERS = new Layering(
            "dev.eventshop.payment.*.domain..",
            "dev.eventshop.payment.*.application..",
            "dev.eventshop.payment.*.web..",
            "dev.eventshop.payment.*.persistence..",
            "dev.eventshop.payment.*.messaging..");

    @ArchTest
    static final ArchRule the_domains_depend_on_no_framework = LAYERS.domainDependsOnNoneOf(
            "org.springframework..", "org.apache.kafka..", "jakarta..", "java.sql..", "javax.sql..",
            "org.postgresql..", "tools.jackson..", "com.fasterxml.jackson..", "io.micrometer..", "org.slf4j..",
            "dev.eventshop.messaging..");

    @ArchTest
    static final ArchRule the_domains_depend_on_no_other_layer = LAYERS.domainDependsOnNoOtherLayer();

    @ArchTest
    static final ArchRule the_application_layers_depend_on_no_adapter_nor_on_kafka =
            LAYERS.applicationDependsOnNoAdapterNorOn("org.apache.kafka..", "dev.eventshop.messaging..",
                    "org.springframework.jdbc..", "java.sql..");

    @ArchTest
    static final ArchRule accounts_know_nothing_of_payments = noClasses()
            .that().resideInAPackage("dev.eventshop.payment.account..")
            .should().dependOnClassesThat().resideInAPackage("dev.eventshop.payment.payment..");
}
