package dev.eventshop.inventory;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.eventshop.testsupport.architecture.ServiceArchitecture;

@AnalyzeClasses(packages = "dev.eventshop.inventory", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule follows_the_service_architecture = ServiceArchitecture.of("dev.eventshop.inventory").rules();
}
