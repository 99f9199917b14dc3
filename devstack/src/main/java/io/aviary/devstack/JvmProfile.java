package io.aviary.devstack;

import java.util.List;
import java.util.Locale;

/**
 * What the service JVMs are tuned for; set with {@code --profile} or {@code AVIARY_PROFILE}. {@code AVIARY_JVM_OPTS}
 * and {@code --cds} / {@code AVIARY_CDS} still win over the profile's choices.
 */
public enum JvmProfile {
    /** C1 only with dynamic AppCDS: the quickest first start; steady-state code never reaches the optimising compiler. */
    START(SuiteConfig.DEFAULT_JVM_OPTIONS, CdsMode.AUTO),
    /**
     * Full tiered compilation (C2) with a JDK 25 AOT cache per service (classes loaded and linked, method profiles;
     * JEP 483/514/515): the first run records the caches as it stops, later starts load them. C2's peak speed without
     * C2's slow start (docs/benchmarks.md); on a JDK before 25, full tiered with the extracted jars only.
     */
    STEADY(List.of("-Xss512k", "-XX:+UseSerialGC", "-Xmx384m"), CdsMode.AOT);

    private final List<String> jvmOptions;
    private final CdsMode cds;

    JvmProfile(List<String> jvmOptions, CdsMode cds) {
        this.jvmOptions = jvmOptions;
        this.cds = cds;
    }

    public List<String> jvmOptions() {
        return jvmOptions;
    }

    public CdsMode cds() {
        return cds;
    }

    public static JvmProfile parse(String value) {
        if (value == null || value.isBlank()) {
            return START;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "start" -> START;
            case "steady" -> STEADY;
            default -> throw new IllegalArgumentException("AVIARY_PROFILE must be start or steady; was '"
                    + (value.length() > 20 ? value.substring(0, 20) + "…" : value) + "'");
        };
    }
}
