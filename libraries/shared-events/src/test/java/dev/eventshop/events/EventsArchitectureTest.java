package dev.eventshop.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the contracts module a plain library every service can depend on: no Spring, no Kafka client, and events
 * that are records (immutable, compared by value). Rules that match no class fail (ArchUnit's default, stated again
 * on each rule), so a wrong package pattern cannot make them pass by checking nothing.
 */
@AnalyzeClasses(packages = "dev.eventshop.events", importOptions = ImportOption.DoNotIncludeTests.class)
class EventsArchitectureTest {

    @ArchTest
    static final ArchRule the_contracts_do_not_depend_on_spring_or_kafka = noClasses()
            .that().resideInAPackage("dev.eventshop.events..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule every_integration_event_is_a_record = classes()
            .that().implement(IntegrationEvent.class)
            .should().beRecords()
            .allowEmptyShould(false);

    @ArchTest
    static void the_rules_see_every_registered_event_and_the_whole_module(JavaClasses imported) {
        assertThat(imported.that(JavaClass.Predicates.implement(IntegrationEvent.class)))
                .extracting(JavaClass::reflect)
                .containsExactlyInAnyOrderElementsOf(EventCatalog.ALL.stream().map(EventType::javaType).toList());
        assertThat(imported.contain(EventJson.class)).isTrue();
        assertThat(imported.contain(EventSchemas.class)).as("test classes are not part of the contracts").isFalse();
    }
}
