package dev.eventshop.payment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of the account and payment features, as rules. Every rule starts from packages that hold classes
 * (ArchUnit fails a rule whose {@code that()} matches nothing), so none of them passes by checking nothing.
 */
@AnalyzeClasses(packages = "dev.eventshop.payment", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String DOMAINS = "dev.eventshop.payment.*.domain..";
    private static final String APPLICATIONS = "dev.eventshop.payment.*.application..";
    private static final String[] ADAPTERS = {
        "dev.eventshop.payment.*.web..",
        "dev.eventshop.payment.*.persistence..",
        "dev.eventshop.payment.*.messaging..",
    };
    private static final String[] FRAMEWORKS = {
        "org.springframework..", "org.apache.kafka..", "jakarta..", "java.sql..", "javax.sql..", "org.postgresql..",
        "tools.jackson..", "com.fasterxml.jackson..", "io.micrometer..", "org.slf4j..", "dev.eventshop.messaging..",
    };

    @ArchTest
    static final ArchRule the_domains_depend_on_no_framework = noClasses()
            .that().resideInAPackage(DOMAINS)
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS);

    @ArchTest
    static final ArchRule the_domains_depend_on_no_other_layer = noClasses()
            .that().resideInAPackage(DOMAINS)
            .should().dependOnClassesThat().resideInAnyPackage(APPLICATIONS)
            .orShould().dependOnClassesThat().resideInAnyPackage(ADAPTERS);

    @ArchTest
    static final ArchRule the_application_layers_depend_on_no_adapter_nor_on_kafka = noClasses()
            .that().resideInAPackage(APPLICATIONS)
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
            .orShould().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "dev.eventshop.messaging..",
                    "org.springframework.jdbc..", "java.sql..");

    @ArchTest
    static final ArchRule accounts_know_nothing_of_payments = noClasses()
            .that().resideInAPackage("dev.eventshop.payment.account..")
            .should().dependOnClassesThat().resideInAPackage("dev.eventshop.payment.payment..");
}
