package dev.eventshop.analytics;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.eventshop.testsupport.architecture.ServiceArchitecture;
import dev.eventshop.testsupport.architecture.ServiceArchitecture.Rule;

@AnalyzeClasses(packages = "dev.eventshop.analytics", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule follows_the_service_architecture = ServiceArchitecture.of("dev.eventshop.analytics")
            .exempt(Rule.DOMAIN_KNOWS_NO_INTEGRATION_EVENT, "dev.eventshop.analytics.sales.domain..",
                    "a read model of every event: its facts are what the events state")
            .rules();
}
