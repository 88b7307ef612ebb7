package dev.eventshop.testsupport.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The architecture every service follows, as one set of rules applied to a service's root package. A service is
 * packaged by feature ({@code <root>.<feature>}); a feature's {@code domain} is plain Java over the shared value types,
 * its {@code application} layer (use cases and the ports they need) depends on the domain and on nothing technical,
 * and its adapters ({@code web}, {@code persistence}, {@code messaging}, ...) depend on the layers, never on each
 * other. Only messaging adapters touch Kafka or the messaging library.
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = "dev.eventshop.order", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTest {
 *     @ArchTest
 *     static final ArchRule follows_the_service_architecture = ServiceArchitecture.of("dev.eventshop.order").rules();
 * }
 * }</pre>
 *
 * <p>A service that must differ says where and why with {@link #exempt(String, String)}; the reason is part of the
 * rule's description. Every rule fails when its subject matches no class, so none passes by checking nothing.
 */
public final class ServiceArchitecture {

    /** Adapter package names: everything in a feature that is neither domain nor application is one of these. */
    public static final List<String> ADAPTERS = List.of("web", "persistence", "messaging", "smtp", "metrics");

    private static final String[] SHARED_VALUES = {"java..", "dev.eventshop.events..", "org.jspecify.."};
    /** What a use case may use besides its domain: the shared contract, and Spring's transaction and wiring. */
    private static final String[] APPLICATION_MAY_USE = {
        "java..", "dev.eventshop.events..", "org.jspecify..", "org.slf4j..", "io.micrometer..",
        "org.springframework.stereotype..", "org.springframework.transaction..", "org.springframework.context..",
        "org.springframework.beans.factory..", "org.springframework.boot.context.properties..",
        "org.springframework.scheduling..", "org.springframework.validation.annotation..",
        // ApplicationRunner: a use case that runs at start-up
        "org.springframework.boot",
        // PeriodicTask: a use case run again and again on the application's lifecycle, as SmartLifecycle is
        "dev.eventshop.housekeeping..",
    };
    private static final String[] KAFKA = {"org.apache.kafka..", "org.springframework.kafka..", "dev.eventshop.messaging.."};

    /** The rules, by name, for {@link #exempt(Rule, String, String)}. */
    public enum Rule {
        DOMAIN_DEPENDS_ONLY_ON_ITSELF_AND_THE_SHARED_VALUES,
        DOMAIN_KNOWS_NO_INTEGRATION_EVENT,
        APPLICATION_DEPENDS_ON_NO_ADAPTER_AND_NOTHING_TECHNICAL,
        ONLY_MESSAGING_ADAPTERS_TOUCH_KAFKA,
        ADAPTERS_DEPEND_ON_NO_OTHER_ADAPTER
    }

    private record Exemption(Rule rule, String packagePattern, String because) {
    }

    private final String root;
    private final List<Exemption> exemptions = new ArrayList<>();

    private ServiceArchitecture(String root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    public static ServiceArchitecture of(String rootPackage) {
        return new ServiceArchitecture(rootPackage);
    }

    /**
     * Leaves the classes of a package (an ArchUnit pattern such as {@code "dev.eventshop.analytics.sales.domain.."})
     * out of one rule, for the reason given, which the rule's description then states.
     */
    public ServiceArchitecture exempt(Rule rule, String packagePattern, String because) {
        exemptions.add(new Exemption(rule, packagePattern, because));
        return this;
    }

    /** Every rule, as one. */
    public ArchRule rules() {
        List<ArchRule> rules = new ArrayList<>(List.of(
                exemptable(Rule.DOMAIN_DEPENDS_ONLY_ON_ITSELF_AND_THE_SHARED_VALUES,
                        theDomainDependsOnlyOnItselfAndTheSharedValues()),
                exemptable(Rule.DOMAIN_KNOWS_NO_INTEGRATION_EVENT, theDomainKnowsNoIntegrationEvent()),
                exemptable(Rule.APPLICATION_DEPENDS_ON_NO_ADAPTER_AND_NOTHING_TECHNICAL,
                        theApplicationLayerDependsOnNoAdapterAndNothingTechnical()),
                exemptable(Rule.ONLY_MESSAGING_ADAPTERS_TOUCH_KAFKA, onlyMessagingAdaptersTouchKafka())));
        for (String adapter : ADAPTERS) {
            String[] others = ADAPTERS.stream().filter(other -> !other.equals(adapter)).map(this::layer)
                    .toArray(String[]::new);
            rules.add(noClasses().that(subjects(Rule.ADAPTERS_DEPEND_ON_NO_OTHER_ADAPTER, layer(adapter)))
                    .should().dependOnClassesThat()
                    .resideInAnyPackage(others)
                    .as(adapter + " adapters depend on no other adapter")
                    .allowEmptyShould(true));
        }
        CompositeArchRule all = CompositeArchRule.of(rules.getFirst());
        for (ArchRule rule : rules.subList(1, rules.size())) {
            all = all.and(rule);
        }
        return all;
    }

    ArchRule theDomainDependsOnlyOnItselfAndTheSharedValues() {
        return classes().that(subjects(Rule.DOMAIN_DEPENDS_ONLY_ON_ITSELF_AND_THE_SHARED_VALUES, layer("domain")))
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(concat(SHARED_VALUES, layer("domain")))
                .as("the domain depends only on itself and the shared value types");
    }

    ArchRule theDomainKnowsNoIntegrationEvent() {
        return noClasses().that(subjects(Rule.DOMAIN_KNOWS_NO_INTEGRATION_EVENT, layer("domain")))
                .should().dependOnClassesThat(
                        assignableTo("dev.eventshop.events.IntegrationEvent"))
                .as("the domain knows no integration event: the application layer maps them");
    }

    ArchRule theApplicationLayerDependsOnNoAdapterAndNothingTechnical() {
        return classes().that(subjects(Rule.APPLICATION_DEPENDS_ON_NO_ADAPTER_AND_NOTHING_TECHNICAL, layer("application")))
                .should().onlyDependOnClassesThat()
                // the service's own package holds its settings
                .resideInAnyPackage(concat(APPLICATION_MAY_USE, root, layer("domain"), layer("application")))
                .as("the application layer depends on the domains, the shared contract and Spring's wiring only");
    }

    ArchRule onlyMessagingAdaptersTouchKafka() {
        return noClasses().that(subjects(Rule.ONLY_MESSAGING_ADAPTERS_TOUCH_KAFKA, root + ".."))
                .and(not(resideInAnyPackage(layer("messaging"))))
                // LongTransaction: the library's bounds on a database transaction, for a persistence adapter
                .should().dependOnClassesThat(resideInAnyPackage(KAFKA)
                        .and(not(resideInAnyPackage("dev.eventshop.messaging.database.."))))
                .as("only messaging adapters touch Kafka and the messaging library");
    }

    private String layer(String name) {
        return root + ".*." + name + "..";
    }

    /** An exemption may leave a rule nothing to check in this service; without one, that is a mistake. */
    private ArchRule exemptable(Rule rule, ArchRule archRule) {
        return exemptions.stream().anyMatch(exemption -> exemption.rule() == rule)
                ? archRule.allowEmptyShould(true)
                : archRule;
    }

    /** The classes a rule speaks of: those in the package, but for the exempted ones, named with their reason. */
    private DescribedPredicate<JavaClass> subjects(Rule rule, String pattern) {
        DescribedPredicate<JavaClass> subjects = resideInAnyPackage(pattern);
        for (Exemption exemption : exemptions) {
            if (exemption.rule() == rule) {
                subjects = subjects.and(not(resideInAnyPackage(exemption.packagePattern())))
                        .as(subjects.getDescription() + ", except " + exemption.packagePattern() + " ("
                                + exemption.because() + ")");
            }
        }
        return subjects;
    }

    private static String[] concat(String[] first, String... more) {
        return Stream.concat(Arrays.stream(first), Arrays.stream(more)).toArray(String[]::new);
    }
}
