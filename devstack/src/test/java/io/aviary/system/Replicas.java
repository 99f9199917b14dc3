package io.aviary.system;

import io.aviary.devstack.RunningSuite;
import io.aviary.devstack.ServiceSpec;
import io.aviary.devstack.Suite;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the replica failover tests share (ADR 0026, 0030): a suite of its own with some services run twice and a short
 * lease time to live, and the lease table of a service's schema, read as the owners of live leases.
 */
final class Replicas {

    private Replicas() {
    }

    /**
     * A suite of its own named {@code label} with {@code services}, each of {@code replicated} run twice, leases that
     * expire {@code leaseTtl} after their holder's last renewal, and {@code env} on top.
     */
    static RunningSuite startTwoOf(String label, List<String> services, List<String> replicated, Duration leaseTtl,
            Map<String, String> env) {
        return RunningSuite.startSeparate(label, builder -> {
            builder.services(services.stream().map(ServiceSpec::require).toList())
                    .env("AVIARY_LEASE_TTL", leaseTtl.toSeconds() + "s");
            replicated.forEach(module -> builder.replicas(module, 2));
            env.forEach(builder::env);
        }, line -> System.out.println("[" + label + "] " + line));
    }

    /** The live leases of {@code schema} whose name starts with {@code namePrefix}: name → holder's instance id. */
    static Map<String, String> liveOwners(RunningSuite suite, String schema, String namePrefix) throws SQLException {
        Map<String, String> owners = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(suite.jdbcUrl(), suite.jdbcUser(), suite.jdbcPassword());
                PreparedStatement query = db.prepareStatement("SELECT name, owner_id FROM " + schema
                        + ".ownership_lease WHERE name LIKE ? AND expires_at > now() ORDER BY name")) {
            query.setString(1, namePrefix.replace("%", "\\%").replace("_", "\\_") + "%");
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    owners.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return owners;
    }

    /** The instance id ({@code AVIARY_INSTANCE_ID}) devstack gives the {@code instance}-th replica of {@code module}. */
    static String instanceId(String module, int instance) {
        return Suite.replicaName(module, instance);
    }

    /** Which replica of {@code module} (1, 2) an instance id names. */
    static int instanceNumber(String module, String instanceId) {
        for (int i = 1; i <= 2; i++) {
            if (instanceId(module, i).equals(instanceId)) {
                return i;
            }
        }
        throw new IllegalArgumentException(instanceId + " is no replica of " + module);
    }
}
