package io.aviary.orchestration.deploy;

import io.aviary.common.events.orchestration.BotDeployed;
import io.aviary.connectors.catalog.ConnectorSpec;
import io.aviary.connectors.hummingbot.HummingbotSecrets;
import io.aviary.connectors.registry.ConnectorRegistry;
import io.aviary.kit.events.EventOutbox;
import io.aviary.kit.failure.Conflict;
import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.failure.NotFound;
import io.aviary.kit.failure.Unavailable;
import io.aviary.orchestration.deploy.DeployRequests.ControllersDeployment;
import io.aviary.orchestration.deploy.DeployRequests.Deployed;
import io.aviary.orchestration.deploy.DeployRequests.ScriptDeployment;
import io.aviary.orchestration.deploy.InstanceFolderWriter.Content;
import io.aviary.orchestration.deploy.InstanceFolderWriter.MqttBridge;
import io.aviary.orchestration.domain.BotRuntimeDriver;
import io.aviary.orchestration.domain.BotRuntimeDriver.BotResources;
import io.aviary.orchestration.domain.ProgramKind;
import io.aviary.orchestration.domain.StoredConfig;
import io.aviary.orchestration.infra.ConfigRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deploys a bot (api-catalog §6.2/§6.3 as HEAD does them, §6.5): checks every input first (name, account and its
 * credentials, configs, name in use), builds the instance folder in a temporary sibling and moves it into place in
 * one step, records the run, starts the bot in the configured runtime and announces {@link BotDeployed}. A failure
 * at any step leaves no folder behind; a runtime that cannot start the bot leaves a FAILED run as the record.
 */
@Service
public class BotDeployments {

    static final String SCRIPT_V2 = "v2_with_controllers";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    /** Config names as the config endpoints allow them (dots allowed, never {@code ..}). */
    private static final Pattern CONFIG_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");
    private static final Logger LOG = LoggerFactory.getLogger(BotDeployments.class);

    private final BotsFolders folders;
    private final BotRuns runs;
    private final ConfigRepository configs;
    private final AccountCredentials credentials;
    private final ConnectorRegistry connectors;
    private final BotRuntimeDriver runtime;
    private final EventOutbox outbox;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Settings settings;
    private final Clock clock;

    /** What deploys take from the environment. */
    public record Settings(String configPassword, MqttBridge mqtt, String simExchangeUrl) {

        @Override
        public String toString() {
            return "Settings[" + mqtt + ", " + simExchangeUrl + "]";
        }
    }

    @Autowired
    public BotDeployments(BotsFolders folders, BotRuns runs, ConfigRepository configs, AccountCredentials credentials,
            ConnectorRegistry connectors, BotRuntimeDriver runtime, EventOutbox outbox, TransactionTemplate tx,
            JsonMapper json, @Value("${CONFIG_PASSWORD:}") String configPassword,
            @Value("${BROKER_HOST:localhost}") String brokerHost, @Value("${BROKER_PORT:1883}") int brokerPort,
            @Value("${BROKER_USERNAME:}") String brokerUsername, @Value("${BROKER_PASSWORD:}") String brokerPassword,
            @Value("${AVIARY_SIM_EXCHANGE_URL:http://localhost:8200}") String simExchangeUrl) {
        this(folders, runs, configs, credentials, connectors, runtime, outbox, tx, json, new Settings(configPassword,
                new MqttBridge(brokerHost, brokerPort, brokerUsername, brokerPassword), simExchangeUrl),
                Clock.systemUTC());
    }

    BotDeployments(BotsFolders folders, BotRuns runs, ConfigRepository configs, AccountCredentials credentials,
            ConnectorRegistry connectors, BotRuntimeDriver runtime, EventOutbox outbox, TransactionTemplate tx,
            JsonMapper json, Settings settings, Clock clock) {
        this.folders = folders;
        this.runs = runs;
        this.configs = configs;
        this.credentials = credentials;
        this.connectors = connectors;
        this.runtime = runtime;
        this.outbox = outbox;
        this.tx = tx;
        this.json = json;
        this.settings = settings;
        this.clock = clock;
    }

    /** A bot that runs the given stored controller configs under Aviary's {@code v2_with_controllers}. */
    public Deployed deployControllers(ControllersDeployment request) {
        String instance = BotsFolders.instanceName(request.instanceName());
        String account = accountName(request.credentialsProfile());
        if (request.controllersConfig() == null || request.controllersConfig().isEmpty()) {
            throw new InvalidRequest("controllers_config must name at least one controller config");
        }
        List<String> names = configNames(request.controllersConfig(), "controller config");
        Map<String, Map<String, Object>> controllers = storedControllers(names);
        String botName = botName(instance);
        Map<String, Object> script = new LinkedHashMap<>();
        script.put("script_file_name", SCRIPT_V2 + ".py");
        script.put("controllers_config", names.stream().map(name -> name + ".yml").toList());
        if (request.maxGlobalDrawdownQuote() != null) {
            script.put("max_global_drawdown_quote", request.maxGlobalDrawdownQuote());
        }
        if (request.maxControllerDrawdownQuote() != null) {
            script.put("max_controller_drawdown_quote", request.maxControllerDrawdownQuote());
        }
        return deploy(new Plan(botName, instance, account, "controller", SCRIPT_V2, botName + ".yml", script,
                controllers, request.headless(), json.writeValueAsString(request)));
    }

    /** A script, with its stored script config and the controller configs that config lists when one is named. */
    public Deployed deployScript(ScriptDeployment request) {
        String instance = BotsFolders.instanceName(request.instanceName());
        String account = accountName(request.credentialsProfile());
        String scriptName = request.script() == null || request.script().isBlank() ? SCRIPT_V2
                : configName(request.script().replaceFirst("\\.py$", ""), "script");
        Map<String, Object> script = null;
        Map<String, Map<String, Object>> controllers = Map.of();
        String scriptFile = null;
        if (request.scriptConfig() != null && !request.scriptConfig().isBlank()) {
            String configName = configName(request.scriptConfig(), "script config");
            script = configs.find(ProgramKind.SCRIPT, configName).map(StoredConfig::content)
                    .orElseThrow(() -> new NotFound("Script config '" + configName + "' not found"));
            controllers = storedControllers(configNames(listed(script.get("controllers_config")), "controller config"));
            scriptFile = configName + ".yml";
        }
        String botName = botName(instance);
        return deploy(new Plan(botName, instance, account, "script", scriptName, scriptFile, script, controllers,
                request.headless(), json.writeValueAsString(request)));
    }

    /** Everything one deploy writes and records, checked. */
    private record Plan(String botName, String instanceName, String accountName, String strategyType,
            String strategyName, String scriptConfigFile, Map<String, Object> scriptConfig,
            Map<String, Map<String, Object>> controllers, boolean headless, String requestJson) {
    }

    private Deployed deploy(Plan plan) {
        runs.deployedInstance(plan.instanceName()).ifPresent(run -> {
            throw inUse(plan.instanceName(), run.botName());
        });
        Map<ConnectorSpec, Map<String, String>> connectorCredentials = credentialsFor(plan);
        HummingbotSecrets secrets = secrets();
        Path folder = folders.instance(plan.botName());
        if (Files.exists(folder)) {
            throw new Conflict("Bot '" + plan.botName() + "' already has an instance folder");
        }
        build(folder, new Content(plan.botName(), settings.mqtt(), plan.scriptConfigFile(), plan.scriptConfig(),
                plan.controllers(), connectorCredentials), secrets);
        long runId;
        try {
            runId = tx.execute(status -> runs.insert(new BotRuns.NewRun(plan.botName(), plan.instanceName(),
                    plan.strategyType(), plan.strategyName(), plan.scriptConfigFile(), plan.accountName(),
                    runtime.kind(), plan.requestJson()), clock.instant()));
        } catch (DuplicateKeyException e) {
            delete(folder);
            throw inUse(plan.instanceName(), plan.botName());
        }
        start(plan, folder);
        Instant started = clock.instant();
        tx.executeWithoutResult(status -> {
            runs.markRunning(plan.botName());
            outbox.append(new BotDeployed(plan.botName(), plan.accountName(), plan.strategyType(),
                    plan.strategyName(), plan.scriptConfigFile(), runtime.kind(), started));
        });
        LOG.info("Deployed bot {} from account {} on the {} runtime", plan.botName(), plan.accountName(),
                runtime.kind());
        return new Deployed(runId, plan.botName(), plan.scriptConfigFile(), List.copyOf(plan.controllers().keySet()));
    }

    private void start(Plan plan, Path folder) {
        Map<String, String> environment = environment(plan.scriptConfigFile(), plan.headless());
        try {
            runtime.start(plan.botName(), folder, environment, BotResources.defaults());
        } catch (RuntimeException e) {
            String problem = "the " + runtime.kind() + " runtime could not start bot '" + plan.botName() + "': "
                    + e.getMessage();
            tx.executeWithoutResult(status -> runs.markFailed(plan.botName(), problem));
            delete(folder);
            LOG.warn("Deploy of {} failed: {}", plan.botName(), problem);
            // a name the runtime already uses (a container or pod not ours) is the caller's to change: 409, not 503
            throw e instanceof Conflict conflict ? conflict : new Unavailable(problem);
        }
    }

    /** Hummingbot's container environment for a bot (api-catalog §6.2), the same at deploy and at a restart. */
    private Map<String, String> environment(String scriptConfigFile, boolean headless) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("CONFIG_PASSWORD", settings.configPassword());
        if (scriptConfigFile != null) {
            environment.put("SCRIPT_CONFIG", scriptConfigFile);
        }
        if (headless) {
            environment.put("HEADLESS_MODE", "true");
        }
        environment.put("AVIARY_SIM_EXCHANGE_URL", settings.simExchangeUrl());
        return environment;
    }

    /**
     * Starts a deployed bot again on its instance folder, with the environment of its deploy (its script config,
     * headless mode from the recorded request): for a bot whose process, container or pod ended without a stop. What
     * the runtime kept of the ended one (an exited container, a finished pod) is removed first.
     */
    public void restart(BotRun run) {
        Path folder = folders.instance(run.botName());
        if (!Files.isDirectory(folder)) {
            throw new NotFound("Bot '" + run.botName() + "' has no instance folder to start again");
        }
        boolean headless = json.readTree(run.deploymentConfig()).path("headless").asBoolean(false);
        runtime.remove(run.botName());
        runtime.start(run.botName(), folder, environment(run.configName(), headless), BotResources.defaults());
    }

    /** Writes the folder next to its place and moves it in at once: a reader sees no folder or a complete one. */
    private void build(Path folder, Content content, HummingbotSecrets secrets) {
        Path staging = folder.resolveSibling(".deploying-" + folder.getFileName() + "-" + UUID.randomUUID());
        try {
            Files.createDirectories(folder.getParent());
            InstanceFolderWriter.write(staging, content, secrets);
            try {
                Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, folder);
            }
        } catch (IOException e) {
            delete(staging);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            delete(staging);
            throw e;
        }
    }

    /** The account's credentials for every connector it has, checked to cover each controller's connector. */
    private Map<ConnectorSpec, Map<String, String>> credentialsFor(Plan plan) {
        Map<String, Map<String, String>> stored = credentials.of(plan.accountName());
        if (stored.isEmpty()) {
            throw new NotFound("Account '" + plan.accountName() + "' not found or has no credentials");
        }
        for (var controller : plan.controllers().entrySet()) {
            Object connector = controller.getValue().get("connector_name");
            if (connector instanceof String name && !stored.containsKey(name)) {
                throw new InvalidRequest("Account '" + plan.accountName() + "' has no credentials for connector '"
                        + name + "' (controller config '" + controller.getKey() + "')");
            }
        }
        Map<ConnectorSpec, Map<String, String>> bySpec = new LinkedHashMap<>();
        stored.forEach((connector, fields) -> connectors.spec(connector).ifPresent(spec -> bySpec.put(spec, fields)));
        return bySpec;
    }

    private HummingbotSecrets secrets() {
        if (settings.configPassword() == null || settings.configPassword().isEmpty()) {
            throw new Unavailable("CONFIG_PASSWORD is not set on orchestration-service: a bot's credentials are "
                    + "written encrypted under it");
        }
        return new HummingbotSecrets(settings.configPassword());
    }

    private Map<String, Map<String, Object>> storedControllers(List<String> names) {
        List<String> missing = configs.missing(ProgramKind.CONTROLLER, names);
        if (!missing.isEmpty()) {
            throw new NotFound("Controller config" + (missing.size() == 1 ? " '" : "s '")
                    + String.join("', '", missing.stream().limit(5).toList()) + "' not found");
        }
        Map<String, Map<String, Object>> controllers = new LinkedHashMap<>();
        for (String name : names) {
            controllers.put(name, configs.find(ProgramKind.CONTROLLER, name).orElseThrow(
                    () -> new NotFound("Controller config '" + name + "' not found")).content());
        }
        return controllers;
    }

    private String botName(String instance) {
        return instance + "-" + STAMP.format(clock.instant());
    }

    private static String accountName(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidRequest("credentials_profile is required");
        }
        return configName(raw, "credentials_profile");
    }

    private static List<String> configNames(List<String> raw, String what) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : raw) {
            names.add(configName(name == null ? null : name.replaceFirst("\\.yml$", ""), what));
        }
        return new ArrayList<>(names);
    }

    private static List<String> listed(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidRequest("the script config's controllers_config is not a list");
        }
        return list.stream().map(String::valueOf).toList();
    }

    private static String configName(String raw, String what) {
        if (raw == null || !CONFIG_NAME.matcher(raw).matches() || raw.contains("..")) {
            String shown = raw == null ? "" : raw.length() <= 40 ? raw : raw.substring(0, 40) + "…";
            throw new InvalidRequest("Invalid " + what + " '" + shown + "': use 1 to 100 letters, digits, '_', '-' "
                    + "and '.' (no path characters)");
        }
        return raw;
    }

    private static Conflict inUse(String instance, String botName) {
        return new Conflict("Instance name '" + instance + "' is in use by deployed bot '" + botName
                + "': stop and archive it first");
    }

    static void delete(Path folder) {
        try {
            FileSystemUtils.deleteRecursively(folder);
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", folder, e.getMessage());
        }
    }
}
