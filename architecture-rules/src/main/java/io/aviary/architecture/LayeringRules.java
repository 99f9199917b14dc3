package io.aviary.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import java.util.Set;

/**
 * The layering rule of docs/adr/0010-layering-rule.md for one service, whose root package (the one holding its
 * {@code @SpringBootApplication} class, the composition root) is {@code base}. Its layers are the packages
 * {@code base.api}, {@code base.app}, {@code base.domain} and {@code base.infra} with their sub-packages; a
 * service without some of them (the gateway has none) is checked for the rules that still apply.
 */
public final class LayeringRules {

    static final String SPRING_BOOT_APPLICATION = "org.springframework.boot.autoconfigure.SpringBootApplication";

    /** Framework packages a domain type never names: it is plain Java plus the shared contracts and models. */
    private static final String[] FRAMEWORKS = {"org.springframework..", "jakarta..", "com.fasterxml.jackson..",
            "tools.jackson..", "org.apache.kafka..", "org.eclipse.paho..", "com.hivemq..", "io.micrometer..",
            "org.flywaydb..", "io.aviary.kit.."};

    /** Types with which code chooses an HTTP answer (reading a client's response status is not choosing one). */
    private static final Set<String> STATUS_CHOOSERS = Set.of("org.springframework.http.HttpStatus",
            "org.springframework.http.ResponseEntity", "org.springframework.web.server.ResponseStatusException",
            "org.springframework.web.bind.annotation.ResponseStatus", "io.aviary.kit.web.ApiException");

    private LayeringRules() {
    }

    public static ArchRule domainIsPlain(String base) {
        return noClasses().that().resideInAPackage(layer(base, "domain"))
                .should().dependOnClassesThat().resideInAnyPackage(concat(
                        new String[] {layer(base, "api"), layer(base, "app"), layer(base, "infra"), base}, FRAMEWORKS))
                .allowEmptyShould(true)
                .as("domain imports no other layer and no framework type");
    }

    public static ArchRule infraNeverUsesAppOrApi(String base) {
        return noClasses().that().resideInAPackage(layer(base, "infra"))
                .should().dependOnClassesThat().resideInAnyPackage(layer(base, "app"), layer(base, "api"))
                .allowEmptyShould(true)
                .as("infra never imports app or api");
    }

    public static ArchRule appNeverUsesApi(String base) {
        return noClasses().that().resideInAPackage(layer(base, "app"))
                .should().dependOnClassesThat().resideInAPackage(layer(base, "api"))
                .allowEmptyShould(true)
                .as("app never imports api");
    }

    /** A class and its nested classes count as one; the composition root is a class like any other. */
    public static ArchRule noCyclesBetweenClasses(String base) {
        return slices().assignedFrom(new TopLevelClasses(base)).should().beFreeOfCycles()
                .allowEmptyShould(true)
                .as("no cycles between classes of a service");
    }

    public static ArchRule statusesChosenOnlyInApi(String base) {
        return noClasses().that().resideInAnyPackage(layer(base, "app"), layer(base, "domain"), layer(base, "infra"))
                .should().dependOnClassesThat(describe("choose an HTTP status (" + String.join(", ", STATUS_CHOOSERS)
                        + ")", (JavaClass c) -> STATUS_CHOOSERS.contains(c.getName())))
                .allowEmptyShould(true)
                .as("HTTP statuses are chosen only in api and the kit's exception handlers");
    }

    public static ArchRule controllersNeverUseRepositories(String base) {
        DescribedPredicate<JavaClass> repository = describe("are repositories (@Repository, *Repository, JDBC)",
                c -> c.isMetaAnnotatedWith("org.springframework.stereotype.Repository")
                        || c.getSimpleName().endsWith("Repository")
                        || c.getPackageName().startsWith("org.springframework.jdbc.core"));
        return noClasses().that().resideInAPackage(layer(base, "api"))
                .or().areMetaAnnotatedWith("org.springframework.stereotype.Controller")
                .should().dependOnClassesThat(repository)
                .allowEmptyShould(true)
                .as("a controller never talks to a repository directly");
    }

    /** The root package of the service: the package of its single {@code @SpringBootApplication} class. */
    public static String basePackage(JavaClasses classes) {
        List<String> roots = classes.stream().filter(c -> c.isAnnotatedWith(SPRING_BOOT_APPLICATION))
                .map(JavaClass::getPackageName).distinct().toList();
        if (roots.size() != 1) {
            throw new IllegalStateException("expected one @SpringBootApplication package, found " + roots);
        }
        return roots.getFirst();
    }

    private static String layer(String base, String name) {
        return base + "." + name + "..";
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private record TopLevelClasses(String base) implements SliceAssignment {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            if (!javaClass.getPackageName().equals(base) && !javaClass.getPackageName().startsWith(base + ".")) {
                return SliceIdentifier.ignore();
            }
            JavaClass outermost = javaClass;
            while (outermost.getEnclosingClass().isPresent()) {
                outermost = outermost.getEnclosingClass().get();
            }
            return SliceIdentifier.of(outermost.getName());
        }

        @Override
        public String getDescription() {
            return "top-level classes of " + base;
        }
    }
}
