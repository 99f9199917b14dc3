package io.aviary.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule finds its violation in a service that breaks it and none in one that keeps the rule. */
class LayeringRulesTest {

    private static final JavaClasses BAD = new ClassFileImporter().importPackages("io.aviary.architecture.fixture.bad");
    private static final JavaClasses GOOD = new ClassFileImporter().importPackages("io.aviary.architecture.fixture.good");

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("domain", (Function<String, ArchRule>) LayeringRules::domainIsPlain, "Order"),
                Arguments.of("infra", (Function<String, ArchRule>) LayeringRules::infraNeverUsesAppOrApi, "OrderRepository"),
                Arguments.of("app", (Function<String, ArchRule>) LayeringRules::appNeverUsesApi, "OrderController"),
                Arguments.of("cycles", (Function<String, ArchRule>) LayeringRules::noCyclesBetweenClasses, "OrderJobs"),
                Arguments.of("statuses", (Function<String, ArchRule>) LayeringRules::statusesChosenOnlyInApi, "HttpStatus"),
                Arguments.of("controllers", (Function<String, ArchRule>) LayeringRules::controllersNeverUseRepositories,
                        "OrderRepository"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void aViolationIsReportedAndAKeptRuleIsNot(String name, Function<String, ArchRule> rule, String named) {
        EvaluationResult bad = rule.apply(LayeringRules.basePackage(BAD)).evaluate(BAD);
        assertThat(bad.hasViolation()).as("violation of %s found", name).isTrue();
        assertThat(bad.getFailureReport().getDetails()).anySatisfy(line -> assertThat(line).contains(named));

        assertThat(rule.apply(LayeringRules.basePackage(GOOD)).evaluate(GOOD).hasViolation()).isFalse();
    }
}
