package io.aviary.orchestration.runtime;

import io.aviary.orchestration.domain.BotRuntimeDriver.BotResources;
import io.aviary.orchestration.domain.BotRuntimeDriver.RuntimeState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Kubernetes objects of one bot: its pod and the secret holding the secret part of its environment. Pure
 * functions of the bot and its settings, so what a deploy asks of the API is decided here and tested without one.
 */
final class BotPod {

    /** The label every bot pod and secret carries; its value is the bot's object name. */
    static final String BOT_LABEL = "aviary.io/bot";
    /** The bot's exact name (bot names may hold '_' and capitals, and be longer than a label value may be). */
    static final String BOT_NAME_ANNOTATION = "aviary.io/bot-name";
    static final String CONTAINER = "bot";
    static final String VOLUME = "bots";

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    /** Environment variables whose values go into the bot's Secret, never into the pod spec. */
    private static final Pattern SECRET_ENV = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|KEY).*");

    /** What every bot pod of one orchestration-service shares. */
    record Settings(String namespace, String image, Path botsPath, String claimName, Duration stopGrace) {
    }

    private BotPod() {
    }

    /**
     * The pod's (and label's) name: the bot name itself when it is a valid DNS label; otherwise the bot name
     * lower-cased with other characters as '-', cut, plus a hash of the exact name, so two bot names never share a pod.
     */
    static String objectName(String botName) {
        if (DNS_LABEL.matcher(botName).matches()) {
            return botName;
        }
        String readable = botName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        readable = readable.substring(0, Math.min(readable.length(), 52)).replaceAll("^-+|-+$", "");
        return (readable.isEmpty() ? "bot" : readable) + "-" + hash(botName);
    }

    static String secretName(String botName) {
        return objectName(botName) + "-env";
    }

    static boolean isSecret(String environmentVariable) {
        return SECRET_ENV.matcher(environmentVariable).matches();
    }

    /** Whether an object was made for this bot (its name alone could be someone else's). */
    static boolean isBot(HasMetadata object, String botName) {
        ObjectMeta meta = object == null ? null : object.getMetadata();
        return meta != null && meta.getLabels() != null && meta.getLabels().containsKey(BOT_LABEL)
                && meta.getAnnotations() != null && botName.equals(meta.getAnnotations().get(BOT_NAME_ANNOTATION));
    }

    static Optional<String> botName(HasMetadata object) {
        ObjectMeta meta = object.getMetadata();
        return Optional.ofNullable(meta.getAnnotations()).map(annotations -> annotations.get(BOT_NAME_ANNOTATION));
    }

    /** The secret part of the environment as a Secret; empty when there is none. */
    static Optional<Secret> secret(String botName, Settings settings, Map<String, String> environment) {
        Map<String, String> secrets = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            if (isSecret(name)) {
                secrets.put(name, value);
            }
        });
        if (secrets.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SecretBuilder()
                .withMetadata(metadata(secretName(botName), botName, settings))
                .withType("Opaque")
                .withStringData(secrets)
                .build());
    }

    /**
     * The bot's pod: one container of the bot image with Hummingbot's environment (secrets by reference), the
     * instance folder's mounts from the shared BOTS_PATH claim at their paths under BOTS_PATH, requests = limits
     * from the bot's resources, never restarted (a bot that ended stays ended, as its container on Docker does).
     */
    static Pod pod(String botName, Settings settings, Path instanceFolder, Map<String, String> environment,
                   BotResources resources, Optional<FolderOwner> owner) {
        return new PodBuilder()
                .withMetadata(metadata(objectName(botName), botName, settings))
                .withNewSpec()
                    .withRestartPolicy("Never")
                    .withTerminationGracePeriodSeconds(settings.stopGrace().toSeconds())
                    // the bot gets no API credentials and no environment of the namespace's services
                    .withAutomountServiceAccountToken(false)
                    .withEnableServiceLinks(false)
                    .withSecurityContext(securityContext(owner))
                    .addNewContainer()
                        .withName(CONTAINER)
                        .withImage(settings.image())
                        .withImagePullPolicy("IfNotPresent")
                        .withEnv(env(botName, environment))
                        .withVolumeMounts(mounts(settings.botsPath(), instanceFolder))
                        .withResources(resources(resources))
                        // Hummingbot's client wants a terminal unless HEADLESS_MODE; hummingbot-api gives it one too
                        .withTty(true)
                        .withStdin(true)
                    .endContainer()
                    .addNewVolume()
                        .withName(VOLUME)
                        .withNewPersistentVolumeClaim().withClaimName(settings.claimName()).endPersistentVolumeClaim()
                    .endVolume()
                .endSpec()
                .build();
    }

    /** What the runtime sees of a pod: its phase, refined by the bot container's own state while it runs. */
    static RuntimeState state(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getPhase() == null) {
            return RuntimeState.STARTING; // accepted, not yet scheduled
        }
        return switch (pod.getStatus().getPhase()) {
            case "Pending" -> RuntimeState.STARTING;
            case "Running" -> runningContainerState(pod);
            case "Succeeded", "Failed" -> RuntimeState.EXITED;
            default -> RuntimeState.UNKNOWN;
        };
    }

    private static RuntimeState runningContainerState(Pod pod) {
        List<ContainerStatus> containers = pod.getStatus().getContainerStatuses();
        ContainerStatus bot = containers == null ? null : containers.stream()
                .filter(status -> CONTAINER.equals(status.getName())).findFirst().orElse(null);
        if (bot == null || bot.getState() == null || bot.getState().getRunning() != null) {
            return RuntimeState.RUNNING;
        }
        return bot.getState().getTerminated() != null ? RuntimeState.EXITED : RuntimeState.STARTING;
    }

    private static ObjectMeta metadata(String name, String botName, Settings settings) {
        return new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(settings.namespace())
                .addToLabels(BOT_LABEL, objectName(botName))
                .addToLabels("app.kubernetes.io/name", "aviary-bot")
                .addToLabels("app.kubernetes.io/managed-by", "aviary-orchestration-service")
                .addToAnnotations(BOT_NAME_ANNOTATION, botName)
                .build();
    }

    private static List<EnvVar> env(String botName, Map<String, String> environment) {
        return environment.entrySet().stream().map(variable -> isSecret(variable.getKey())
                ? new EnvVarBuilder().withName(variable.getKey()).withNewValueFrom().withNewSecretKeyRef()
                        .withName(secretName(botName)).withKey(variable.getKey()).endSecretKeyRef().endValueFrom().build()
                : new EnvVar(variable.getKey(), variable.getValue(), null)).toList();
    }

    /** Hummingbot's mounts, each the folder's path under BOTS_PATH as a sub-path of the shared claim. */
    static List<VolumeMount> mounts(Path botsPath, Path instanceFolder) {
        Path root = botsPath.toAbsolutePath().normalize();
        Path folder = instanceFolder.toAbsolutePath().normalize();
        if (!folder.startsWith(root)) {
            throw new IllegalArgumentException("the instance folder is not under BOTS_PATH " + root);
        }
        return HummingbotMounts.of(folder).stream().map(mount -> new VolumeMountBuilder()
                .withName(VOLUME)
                .withMountPath(mount.target())
                .withSubPath(root.relativize(mount.source()).toString().replace('\\', '/'))
                .build()).toList();
    }

    private static ResourceRequirements resources(BotResources resources) {
        Map<String, Quantity> amounts = new LinkedHashMap<>();
        if (resources.memoryBytes() != null) {
            amounts.put("memory", new Quantity(Long.toString(resources.memoryBytes())));
        }
        if (resources.cpus() != null) {
            amounts.put("cpu", new Quantity(Math.round(resources.cpus() * 1000) + "m"));
        }
        // requests = limits: a trading bot is scheduled for what it may use and is not the first one evicted
        return new ResourceRequirementsBuilder().withLimits(amounts).withRequests(amounts).build();
    }

    private static PodSecurityContext securityContext(Optional<FolderOwner> owner) {
        PodSecurityContextBuilder context = new PodSecurityContextBuilder();
        owner.ifPresent(user -> context.withRunAsUser(user.uid()).withRunAsGroup(user.gid()));
        return context.build();
    }

    private static String hash(String botName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(botName.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
