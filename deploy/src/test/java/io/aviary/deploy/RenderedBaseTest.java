package io.aviary.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The kustomize base as kubectl renders it ({@code kubectl kustomize k8s/base}), validated like the committed files
 * (every document typed by fabric8, no unknown field): what a cluster would receive. It runs where kubectl is on the
 * PATH; CI (.ci/run) installs kubectl and sets {@code AVIARY_REQUIRE_KUBECTL=1}, so there a missing kubectl fails
 * instead of skipping. kubectl 1.20 (Debian's kubernetes-client, kustomize v2.0.3) and 1.32 (kustomize v5.5) render
 * this base alike.
 */
class RenderedBaseTest {

    private static final Path BASE = Path.of("k8s", "base");

    @Test
    void kustomizeRendersTheBaseIntoValidObjectsOfTheAviaryNamespace() throws Exception {
        String rendered = kustomize();
        List<HasMetadata> objects = KubernetesDocuments.read("kubectl kustomize", rendered);
        assertThat(objects).extracting(RenderedBaseTest::id)
                .containsExactlyInAnyOrderElementsOf(DeployManifestsTest.committedBase().stream().map(RenderedBaseTest::id).toList());
        assertThat(objects).allSatisfy(object -> {
            assertThat(object.getMetadata().getNamespace()).as(id(object)).isEqualTo("aviary");
            assertThat(object.getMetadata().getLabels()).as(id(object)).containsEntry("app.kubernetes.io/part-of", "aviary");
        });
    }

    private static String id(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }

    private static String kustomize() throws IOException, InterruptedException {
        Path kubectl = kubectl();
        boolean required = "1".equals(System.getenv("AVIARY_REQUIRE_KUBECTL"));
        assertThat(kubectl != null || !required).as("kubectl on the PATH (AVIARY_REQUIRE_KUBECTL=1)").isTrue();
        assumeTrue(kubectl != null, "kubectl is not on the PATH: the rendering is checked where it is (CI)");
        Path errors = Files.createTempFile("kustomize", ".err");
        try {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", BASE.toString())
                    .redirectError(errors.toFile()).start();
            byte[] output = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("kubectl kustomize finished").isTrue();
            assertThat(process.exitValue()).as("kubectl kustomize: " + Files.readString(errors)).isZero();
            return new String(output, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private static Path kubectl() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, "kubectl"))
                .filter(Files::isExecutable).findFirst().orElse(null);
    }
}
