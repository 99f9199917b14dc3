package io.aviary.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the main classes of the service module under test against {@link LayeringRules}. It lives in this library,
 * not in the services: the root pom's "service-architecture" profile, active in every module with a
 * src/main/resources/application.yml, puts this jar on the test classpath, lists it in surefire's
 * dependenciesToScan and passes the module's output directory as {@value #CLASSES}; so a new service is checked
 * from its first build without writing a test.
 */
class ServiceArchitectureTest {

    static final String CLASSES = "aviary.architecture.classes";

    private static JavaClasses classes;
    private static String base;

    @BeforeAll
    static void importService() {
        Path dir = Path.of(System.getProperty(CLASSES, "target/classes"));
        Assertions.assertTrue(Files.isDirectory(dir), "no compiled main classes at " + dir.toAbsolutePath());
        classes = new ClassFileImporter().importPath(dir);
        base = LayeringRules.basePackage(classes);
    }

    @Test
    void domainImportsNoOtherLayerAndNoFrameworkType() {
        LayeringRules.domainIsPlain(base).check(classes);
    }

    @Test
    void infraNeverImportsAppOrApi() {
        LayeringRules.infraNeverUsesAppOrApi(base).check(classes);
    }

    @Test
    void appNeverImportsApi() {
        LayeringRules.appNeverUsesApi(base).check(classes);
    }

    @Test
    void noCyclesBetweenClasses() {
        LayeringRules.noCyclesBetweenClasses(base).check(classes);
    }

    @Test
    void httpStatusesChosenOnlyInApiAndTheKitsHandlers() {
        LayeringRules.statusesChosenOnlyInApi(base).check(classes);
    }

    @Test
    void controllersNeverTalkToRepositories() {
        LayeringRules.controllersNeverUseRepositories(base).check(classes);
    }
}
