package io.aviary.devstack;

import java.util.Locale;
import org.slf4j.LoggerFactory;

/** How the service JVMs use class-data sharing; see {@link AppCds}. Set with {@code AVIARY_CDS}. */
public enum CdsMode {
    /** the exec jar as built */
    OFF,
    /** extracted jar, no archive */
    EXTRACT,
    /** extracted jar + dynamic AppCDS archive (JDK 19+) */
    DYNAMIC,
    /**
     * extracted jar + AOT cache (JDK 25+): the fastest later starts, but recording makes the first stop after a
     * build long (assembling the caches took 45-75 s for the 7 services on 2 busy cores), so it is opt-in
     */
    AOT,
    /** DYNAMIC on JDK 19+, else EXTRACT */
    AUTO;

    public static CdsMode parse(String value) {
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "false", "off", "no", "0" -> OFF;
            case "true", "on", "yes", "1", "auto" -> AUTO;
            case "extract" -> EXTRACT;
            case "dynamic", "cds" -> DYNAMIC;
            case "aot" -> AOT;
            default -> throw new IllegalArgumentException("AVIARY_CDS must be auto, aot, dynamic, extract or false; was '" + value + "'");
        };
    }

    /** What this mode means on the running JDK. */
    public CdsMode effective() {
        int jdk = Runtime.version().feature();
        CdsMode m = this == AUTO ? (jdk >= 19 ? DYNAMIC : EXTRACT) : this;
        if (m == AOT && jdk < 25 || m == DYNAMIC && jdk < 19) {
            LoggerFactory.getLogger(CdsMode.class).warn("CDS mode {} needs a newer JDK than {}; using the extracted jars only", m, jdk);
            return EXTRACT;
        }
        return m;
    }
}
