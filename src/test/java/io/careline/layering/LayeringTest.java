package io.careline.layering;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the package rules of STYLE.md §1 on the production classes, and proves with a planted tree
 * ({@code planted/}, one violation per rule) that each rule fails when broken.
 */
class LayeringTest {
    private static final Layering PRODUCTION = new Layering("io.careline");
    private static final Layering PLANTED = new Layering("io.careline.layering.planted");

    private static final JavaClasses PRODUCTION_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.careline");
    private static final JavaClasses PLANTED_CLASSES = new ClassFileImporter()
            .importPackages("io.careline.layering.planted");

    static Stream<ArchRule> productionRules() {
        return PRODUCTION.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("productionRules")
    void theProductionTreeKeepsTheRule(ArchRule rule) {
        rule.check(PRODUCTION_CLASSES);
    }

    @Test
    void theProductionTreeIsRead() {
        assertThat(PRODUCTION_CLASSES.containPackage("io.careline.realtime.fanout")).isTrue();
        assertThat(PRODUCTION_CLASSES.containPackage("io.careline.layering")).isFalse();
    }

    @Test
    void commonImportingAFeatureFails() {
        assertViolatedBy(Layering::commonImportsNoFeature, "planted.common.Clock", "planted.push.Pusher");
    }

    @Test
    void aFeatureUsingAnotherFeaturesModelFails() {
        assertViolatedBy(Layering::noFeatureUsesAnotherFeaturesModel, "planted.push.Pusher",
                "planted.notification.model.Priority");
    }

    @Test
    void productionCodeUsingDevFails() {
        assertViolatedBy(Layering::nothingOutsideDevUsesDev, "planted.console.Settings", "planted.dev.Demo");
    }

    @Test
    void aCycleBetweenFeaturesFails() {
        assertViolatedBy(Layering::noCycleBetweenFeatures, "planted.console", "planted.dev");
    }

    @Test
    void aCycleBetweenRealtimeRolesFails() {
        assertViolatedBy(Layering::noCycleBetweenRealtimeRoles, "planted.realtime.fanout", "planted.realtime.frame");
    }

    @Test
    void aCycleInsideCommonFails() {
        assertViolatedBy(Layering::noCycleInsideCommon, "planted.common.problem", "planted.common.security");
    }

    @Test
    void anotherFeatureReachingIntoTheFanoutFails() {
        assertViolatedBy(Layering::realtimeInternalsStayInside, "planted.admin.Stats",
                "planted.realtime.fanout.Fanout");
    }

    private static void assertViolatedBy(Function<Layering, ArchRule> rule, String origin, String target) {
        EvaluationResult result = rule.apply(PLANTED).evaluate(PLANTED_CLASSES);
        assertThat(result.hasViolation()).as("the planted violation is found").isTrue();
        assertThat(result.getFailureReport().getDetails()).anySatisfy(detail -> assertThat(detail)
                .contains(origin).contains(target));
    }
}
