package io.aviary.gateway;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Refuses to expose the gateway beyond this machine while development credentials are in use: with
 * {@code admin}/{@code admin} (or any default the launcher filled in) anyone on the network could log in and trade.
 *
 * <p>Two sources, so a gateway started without the launcher (a container, a plain {@code java -jar}) is covered too:
 * the launcher's {@code AVIARY_DEV_DEFAULTS} (names of the variables it defaulted) and the credentials themselves.
 */
public final class ExposureGuard {

    static final String DEV_USERNAME = "admin";
    static final String DEV_PASSWORD = "admin";

    private final String bindAddress;

    private ExposureGuard(String bindAddress) {
        this.bindAddress = bindAddress;
    }

    /** {@link #check} as a bean: created before the server binds, so a refusal stops the start-up in time. */
    public static ExposureGuard verified(String bindAddress, String username, String password, String devDefaults) {
        check(bindAddress, username, password, devDefaults);
        return new ExposureGuard(bindAddress);
    }

    /** The address that passed the check. */
    public String bindAddress() {
        return describe(bindAddress);
    }

    /**
     * @param bindAddress the address the server will listen on ({@code server.address}); blank means all interfaces
     * @param devDefaults comma-separated names of variables the launcher filled with development defaults
     * @throws IllegalStateException naming the address and the defaults when the combination is unsafe
     */
    public static void check(String bindAddress, String username, String password, String devDefaults) {
        Set<String> defaults = devDefaultsInUse(username, password, devDefaults);
        if (defaults.isEmpty() || isLoopback(bindAddress)) {
            return;
        }
        throw new IllegalStateException("Refusing to listen on " + describe(bindAddress) + " with development default "
                + "credentials (" + String.join(", ", defaults) + "): anyone on the network could log in and trade. "
                + "Set USERNAME, PASSWORD and CONFIG_PASSWORD to your own values, or bind to loopback "
                + "(unset AVIARY_GATEWAY_BIND_ADDRESS / SERVER_ADDRESS, or set it to 127.0.0.1).");
    }

    private static Set<String> devDefaultsInUse(String username, String password, String devDefaults) {
        Set<String> names = new LinkedHashSet<>();
        if (devDefaults != null) {
            Arrays.stream(devDefaults.split(",")).map(String::strip).filter(n -> !n.isEmpty()).forEach(names::add);
        }
        if (DEV_USERNAME.equals(username) && DEV_PASSWORD.equals(password)) {
            names.add("USERNAME");
            names.add("PASSWORD");
        }
        return names;
    }

    /** True only for an address that resolves to loopback; blank (all interfaces) or unresolvable is not. */
    static boolean isLoopback(String bindAddress) {
        if (bindAddress == null || bindAddress.isBlank()) {
            return false;
        }
        try {
            return Arrays.stream(InetAddress.getAllByName(bindAddress.strip())).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String describe(String bindAddress) {
        return bindAddress == null || bindAddress.isBlank() ? "all interfaces" : bindAddress.strip();
    }
}
