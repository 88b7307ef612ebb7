package dev.eventshop.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering every service follows, as ArchUnit rules a service's {@code ArchitectureTest} names: a domain that
 * depends on no framework and on no other layer, and use cases that depend on no adapter. Every rule starts from
 * packages that hold classes (ArchUnit fails a rule whose {@code that()} matches nothing), so none of them passes by
 * checking nothing.
 */
public final class Layering {

    private final String domain;
    private final String application;
    private final String[] adapters;

    /**
     * @param domain the domain's package pattern, such as {@code dev.eventshop.order.order.domain..}
     * @param application the use cases' package pattern
     * @param adapters the adapters' package patterns: web, persistence, messaging and the like
     */
    public Layering(String domain, String application, String... adapters) {
        this.domain = domain;
        this.application = application;
        this.adapters = adapters.clone();
    }

    /** The domain depends on none of these packages: frameworks, infrastructure, the messaging library. */
    public ArchRule domainDependsOnNoneOf(String... packages) {
        return noClasses().that().resideInAPackage(domain).should().dependOnClassesThat().resideInAnyPackage(packages);
    }

    /** The domain uses the shared value types (ids, money), never the integration events: those are mapped to. */
    public ArchRule domainKnowsNoIntegrationEvent() {
        return noClasses().that().resideInAPackage(domain)
                .should().dependOnClassesThat().resideInAnyPackage("dev.eventshop.events.order..",
                        "dev.eventshop.events.inventory..", "dev.eventshop.events.payment..",
                        "dev.eventshop.events.email..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.eventshop.events.IntegrationEvent");
    }

    public ArchRule domainDependsOnNoOtherLayer() {
        return noClasses().that().resideInAPackage(domain)
                .should().dependOnClassesThat().resideInAPackage(application)
                .orShould().dependOnClassesThat().resideInAnyPackage(adapters);
    }

    /** The use cases depend on no adapter, and on none of these packages either. */
    public ArchRule applicationDependsOnNoAdapterNorOn(String... packages) {
        return noClasses().that().resideInAPackage(application)
                .should().dependOnClassesThat().resideInAnyPackage(adapters)
                .orShould().dependOnClassesThat().resideInAnyPackage(packages);
    }
}
