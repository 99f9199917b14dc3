package io.aviary.system;

import io.aviary.connectors.sim.SimApiKeys;
import io.aviary.devstack.RunningSuite;
import java.net.URI;
import java.util.Map;
import java.util.stream.Collectors;

/** Real API keys from the suite's simulated venue, as a user would create them on an exchange. */
final class SimKeys {

    private SimKeys() {
    }

    static SimApiKeys.Created create(RunningSuite suite) {
        return SimApiKeys.create(URI.create(suite.serviceUrl("sim-exchange")), "system-test");
    }

    /** The add-credential body for {@code connector} ("sim" or "sim_perpetual") with this key. */
    static String credentialJson(SimApiKeys.Created key, String connector) {
        Map<String, String> fields = key.credentials(connector);
        return fields.entrySet().stream().map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }
}
