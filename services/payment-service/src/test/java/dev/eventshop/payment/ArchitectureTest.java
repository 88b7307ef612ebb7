package dev.eventshop.payment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.eventshop.testsupport.architecture.ServiceArchitecture;

@AnalyzeClasses(packages = "dev.eventshop.payment", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule follows_the_service_architecture = ServiceArchitecture.of("dev.eventshop.payment").rules();

    /** The ledger is a feature of its own: charging uses accounts, never the other way round. */
    @ArchTest
    static final ArchRule accounts_know_nothing_of_charging = noClasses()
            .that().resideInAPackage("dev.eventshop.payment.account..")
            .should().dependOnClassesThat().resideInAPackage("dev.eventshop.payment.charging..");
}
