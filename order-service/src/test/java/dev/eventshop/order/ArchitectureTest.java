package dev.eventshop.order;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.eventshop.testsupport.Layering;

/** The layering of the order feature, as rules. */
@AnalyzeClasses(packages = "dev.eventshop.order", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final Layering LAYERS = new Layering(
            "dev.eventshop.order.order.domain..",
            "dev.eventshop.order.order.application..",
            "dev.eventshop.order.order.web..",
            "dev.eventshop.order.order.persistence..",
            "dev.eventshop.order.order.messaging..");

    @ArchTest
    static final ArchRule the_domain_depends_on_no_framework = LAYERS.domainDependsOnNoneOf(
            "org.springframework..", "org.apache.kafka..", "jakarta.persistence..", "jakarta.servlet..", "java.sql..",
            "dev.eventshop.messaging..");

    @ArchTest
    static final ArchRule the_domain_depends_on_no_other_layer = LAYERS.domainDependsOnNoOtherLayer();

    @ArchTest
    static final ArchRule the_application_layer_depends_on_no_adapter = LAYERS.applicationDependsOnNoAdapterNorOn(
            "org.apache.kafka..", "dev.eventshop.messaging..");
}
