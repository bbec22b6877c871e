package io.careline.layering;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The package rules of STYLE.md §1 for a tree rooted at {@code root}: the production tree and, in the test
 * that proves each rule can fail, a planted one.
 */
record Layering(String root) {

    /** common/ holds what every feature shares, so it may depend on none of them. */
    ArchRule commonImportsNoFeature() {
        return noClasses().that().resideInAPackage(root + ".common..")
                .should().dependOnClassesThat(DescribedPredicate.describe(
                        "belong to a feature", (JavaClass target) -> target.getPackageName().startsWith(root + ".")
                                && !target.getPackageName().startsWith(root + ".common")))
                .as("common/ imports no feature");
    }

    /** A feature's entities and repositories are its own; others use its services, api/ and event/. */
    ArchRule noFeatureUsesAnotherFeaturesModel() {
        Pattern model = Pattern.compile(Pattern.quote(root) + "\\.(\\w+)\\.model(\\..*)?");
        return classes().that().resideInAPackage(root + "..")
                .should(new ArchCondition<>("use no other feature's model/") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String feature = featureOf(origin);
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            Matcher target = model.matcher(dependency.getTargetClass().getPackageName());
                            if (target.matches() && !target.group(1).equals(feature)) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                })
                .as("no feature imports another feature's model/");
    }

    /** dev/ exists only in dev mode; production code that reached into it would fail elsewhere. */
    ArchRule nothingOutsideDevUsesDev() {
        return noClasses().that().resideOutsideOfPackage(root + ".dev..")
                .should().dependOnClassesThat().resideInAPackage(root + ".dev..")
                .as("nothing outside dev/ imports dev/");
    }

    /** Arrows between features run one way. */
    ArchRule noCycleBetweenFeatures() {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles().as("no cycle between features");
    }

    /** common/ is the foundation: its parts (problem, security, wire, paging…) depend on each other one way. */
    ArchRule noCycleInsideCommon() {
        return slices().matching(root + ".common.(*)..").should().beFreeOfCycles()
                .as("no cycle between common's parts");
    }

    /** Arrows between realtime's roles (frame, connection, fanout, presence, relay…) run one way too. */
    ArchRule noCycleBetweenRealtimeRoles() {
        return slices().matching(root + ".realtime.(*)..").should().beFreeOfCycles()
                .as("no cycle between realtime's roles");
    }

    /** Live connections and the fan-out are realtime's own; admin/ goes through realtime's entry point. */
    ArchRule realtimeInternalsStayInside() {
        return noClasses().that().resideOutsideOfPackage(root + ".realtime..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".realtime.fanout..",
                        root + ".realtime.connection..")
                .as("nothing outside realtime/ uses its fanout/ or connection/");
    }

    List<ArchRule> all() {
        return List.of(commonImportsNoFeature(), noFeatureUsesAnotherFeaturesModel(), nothingOutsideDevUsesDev(),
                noCycleBetweenFeatures(), noCycleBetweenRealtimeRoles(), noCycleInsideCommon(),
                realtimeInternalsStayInside());
    }

    private String featureOf(JavaClass origin) {
        String rest = origin.getPackageName().substring(Math.min(origin.getPackageName().length(), root.length() + 1));
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
