package io.aviary.devstack;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One service of the suite: a module whose runnable jar is {@code <repo>/<module>/target/<module>-<version>-exec.jar}.
 *
 * @param module      Maven module name, also the name of its log file and of its CDS archive
 * @param defaultPort port the launcher gives it ({@code SERVER_PORT}); tests pick free ports instead
 * @param urlVariable variable that tells the gateway (and every other service) where it runs
 *                    ({@code AVIARY_ACCOUNTS_URL=http://127.0.0.1:8101}); {@code null} for the gateway itself
 * @param schema      its PostgreSQL schema ({@code aviary.service.schema}), {@code null} when it keeps no database;
 *                    with the embedded PostgreSQL it connects as its own role {@link #databaseRole()}, owner of
 *                    this schema only
 * @param secrets     variables only this service receives (the launcher strips them from every other child)
 */
public record ServiceSpec(String module, int defaultPort, String urlVariable, String schema, Set<String> secrets) {

    /**
     * Every service of the suite, in launch order (slowest first, which shortens a staggered start).
     * Adding a service is one line here.
     */
    public static final List<ServiceSpec> ALL = List.of(
            gateway("gateway", 8000, "USERNAME", "PASSWORD"),
            service("sim-exchange", 8200, "AVIARY_SIM_EXCHANGE_URL", null),
            // the credential API's secret: its owner and its consumers, nobody else (not the gateway, not sim-exchange)
            service("accounts-service", 8101, "AVIARY_ACCOUNTS_URL", "accounts", "CONFIG_PASSWORD",
                    SuiteConfig.CREDENTIALS_TOKEN),
            service("trading-service", 8102, "AVIARY_TRADING_URL", "trading", SuiteConfig.CREDENTIALS_TOKEN),
            service("market-data-service", 8103, "AVIARY_MARKET_DATA_URL", "market_data"),
            // a bot's instance folder holds the account's credentials encrypted under CONFIG_PASSWORD (the bot opens
            // them with it), read from the credential API: orchestration is that API's second consumer
            // the S3 credentials of bot archives: the two services that upload and read them
            service("orchestration-service", 8104, "AVIARY_ORCHESTRATION_URL", "orchestration", "CONFIG_PASSWORD",
                    SuiteConfig.CREDENTIALS_TOKEN, "AWS_API_KEY", "AWS_SECRET_KEY"),
            service("backtesting-service", 8105, "AVIARY_BACKTESTING_URL", "backtesting"),
            service("archive-service", 8106, "AVIARY_ARCHIVE_URL", "archive", "AWS_API_KEY", "AWS_SECRET_KEY"));

    public ServiceSpec {
        secrets = Set.copyOf(secrets);
        if (schema != null && !schema.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("schema of " + module + " must be a plain lower-case identifier: " + schema);
        }
    }

    static ServiceSpec gateway(String module, int port, String... secrets) {
        return new ServiceSpec(module, port, null, null, Set.of(secrets));
    }

    static ServiceSpec service(String module, int port, String urlVariable, String schema, String... secrets) {
        return new ServiceSpec(module, port, urlVariable, schema, Set.of(secrets));
    }

    /** The PostgreSQL role this service connects as (embedded PostgreSQL), {@code null} when it keeps no database. */
    public String databaseRole() {
        return schema == null ? null : databaseRole(schema);
    }

    static String databaseRole(String schema) {
        return "aviary_" + schema;
    }

    /** The schemas of {@code services}, each once, in order. */
    public static List<String> schemas(List<ServiceSpec> services) {
        return services.stream().map(ServiceSpec::schema).filter(java.util.Objects::nonNull).distinct().toList();
    }

    public boolean isGateway() {
        return urlVariable == null;
    }

    /** Variables some service holds as a secret; children that do not list them do not get them. */
    public static Set<String> allSecrets(List<ServiceSpec> services) {
        return Stream.concat(services.stream().flatMap(s -> s.secrets().stream()),
                        Stream.of("USERNAME", "PASSWORD", "CONFIG_PASSWORD"))
                .collect(Collectors.toUnmodifiableSet());
    }

    public static Optional<ServiceSpec> byModule(String module) {
        return ALL.stream().filter(s -> s.module().equals(module)).findFirst();
    }

    public static ServiceSpec require(String module) {
        return byModule(module).orElseThrow(() -> new IllegalArgumentException("unknown service '" + module
                + "'; known: " + ALL.stream().map(ServiceSpec::module).collect(Collectors.joining(", "))));
    }
}
