package dev.eventshop.inventory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.eventshop.testsupport.Layering;

/** The layering of the stock feature, as rules. */
@AnalyzeClasses(packages = "dev.eventshop.inventory", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String WEB = "dev.eventshop.inventory.stock.web..";
    private static final String PERSISTENCE = "dev.eventshop.inventory.stock.persistence..";
    private static final String MESSAGING = "dev.eventshop.inventory.stock.messaging..";
    private static final Layering LAYERS = new Layering(
            "dev.eventshop.inventory.stock.domain..",
            "dev.eventshop.inventory.stock.application..",
            WEB, PERSISTENCE, MESSAGING);

    @ArchTest
    static final ArchRule the_domain_depends_on_no_framework = LAYERS.domainDependsOnNoneOf(
            "org.springframework..", "org.apache.kafka..", "jakarta.persistence..", "jakarta.servlet..", "java.sql..",
            "javax.sql..", "dev.eventshop.messaging..");

    @ArchTest
    static final ArchRule the_domain_knows_no_integration_event = LAYERS.domainKnowsNoIntegrationEvent();

    @ArchTest
    static final ArchRule the_domain_depends_on_no_other_layer = LAYERS.domainDependsOnNoOtherLayer();

    @ArchTest
    static final ArchRule the_application_layer_depends_on_no_adapter = LAYERS.applicationDependsOnNoAdapterNorOn(
            "org.apache.kafka..", "dev.eventshop.messaging..", "java.sql..", "org.springframework.jdbc..",
            "org.springframework.web..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_each_other = noClasses()
            .that().resideInAnyPackage(WEB, MESSAGING)
            .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE);
}
