package io.aviary.orchestration.app;

import io.aviary.orchestration.domain.BotRuntimeDriver;
import io.aviary.orchestration.domain.BotRuntimeDriver.RuntimeState;
import io.aviary.orchestration.mqtt.BotRegistry;
import io.aviary.orchestration.mqtt.BotView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Bot status from MQTT and the runtime together (issue 14): every bot heard on MQTT as {@link BotRegistry} sees it,
 * plus every bot the runtime runs that MQTT has not heard yet or any more, so a bot whose JVM is still starting, or
 * whose process died without a word, is listed instead of missing.
 *
 * <p>A bot only the runtime knows is {@value #STARTING} while the runtime starts it, or for {@code startupWindow}
 * after orchestration first saw it running (a bot connects to MQTT within seconds of its JVM being up);
 * {@value #NOT_REPORTING} when it runs longer than that without a word on MQTT; {@value #EXITED} when its process or
 * container ended. A heard bot keeps the registry's status (running/idle/stopped, robust against late heartbeats)
 * unless it is no longer live and its runtime says it ended: then it is {@value #EXITED}. Each of these changes only
 * one way while nothing new happens, so a status does not flap.
 */
@Service
public class BotStatuses {

    public static final String STARTING = "starting";
    public static final String NOT_REPORTING = "not_reporting";
    public static final String EXITED = "exited";
    public static final String UNKNOWN = "unknown";
    private static final Logger LOG = LoggerFactory.getLogger(BotStatuses.class);

    private final BotRegistry registry;
    private final BotRuntimeDriver runtime;
    private final Duration startupWindow;
    private final Clock clock;
    private final Map<String, Instant> firstSeenRunning = new ConcurrentHashMap<>();

    /**
     * One bot's status.
     *
     * @param status       the catalog's status ({@code running}, {@code idle}, {@code stopped}) or, from the runtime,
     *                     {@code starting}, {@code not_reporting}, {@code exited}, {@code unknown}
     * @param source       {@code mqtt} when heard there, otherwise the runtime's kind ({@code process}, {@code docker},
     *                     {@code kubernetes})
     * @param runtimeState what the runtime reports ({@code null} when it does not run this bot or cannot be asked)
     * @param heard        what MQTT knows, {@code null} for a bot not heard within the discovery window
     */
    public record BotStatus(String name, String status, String source, RuntimeState runtimeState, BotView heard) {
    }

    @Autowired
    public BotStatuses(BotRegistry registry, BotRuntimeDriver runtime,
            @Value("${aviary.bots.startup-window:120s}") Duration startupWindow) {
        this(registry, runtime, startupWindow, Clock.systemUTC());
    }

    BotStatuses(BotRegistry registry, BotRuntimeDriver runtime, Duration startupWindow, Clock clock) {
        this.registry = registry;
        this.runtime = runtime;
        this.startupWindow = startupWindow;
        this.clock = clock;
    }

    /**
     * Every bot heard on MQTT or run by the runtime, by name. When the runtime cannot be asked (the Docker engine is
     * down, say) the bots heard on MQTT are still listed, without a runtime state.
     */
    public List<BotStatus> all() {
        Set<String> names = new TreeSet<>();
        List<BotView> heard = registry.bots();
        heard.forEach(bot -> names.add(bot.name()));
        Set<String> inRuntime = runtimeBots().orElse(Set.of());
        names.addAll(inRuntime);
        List<BotStatus> statuses = new ArrayList<>();
        for (String name : names) {
            Optional<BotView> view = heard.stream().filter(b -> b.name().equals(name)).findFirst();
            Optional<RuntimeState> state = inRuntime.contains(name) ? runtimeState(name) : Optional.empty();
            statuses.add(status(name, view, state));
        }
        statuses.sort(Comparator.comparing(BotStatus::name));
        return statuses;
    }

    /** One bot heard on MQTT or run by the runtime; empty when neither knows it. */
    public Optional<BotStatus> one(String name) {
        Optional<BotView> heard = registry.bot(name);
        Optional<RuntimeState> state = heard.isPresent() ? runtimeState(name) : runtime.state(name);
        if (heard.isEmpty() && state.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(status(name, heard, state));
    }

    private BotStatus status(String name, Optional<BotView> heard, Optional<RuntimeState> state) {
        RuntimeState runtimeState = state.orElse(null);
        if (heard.isPresent()) {
            BotView view = heard.get();
            boolean ended = !view.recentlyActive() && runtimeState == RuntimeState.EXITED;
            return new BotStatus(name, ended ? EXITED : view.status(), "mqtt", runtimeState, view);
        }
        return new BotStatus(name, unheardStatus(name, runtimeState), runtime.kind(), runtimeState, null);
    }

    private String unheardStatus(String name, RuntimeState state) {
        return switch (state) {
            case STARTING -> STARTING;
            case RUNNING -> {
                Instant first = firstSeenRunning.computeIfAbsent(name, n -> clock.instant());
                yield clock.instant().isBefore(first.plus(startupWindow)) ? STARTING : NOT_REPORTING;
            }
            case EXITED -> EXITED;
            case UNKNOWN -> UNKNOWN;
        };
    }

    private Optional<Set<String>> runtimeBots() {
        try {
            Set<String> bots = new TreeSet<>(runtime.bots());
            firstSeenRunning.keySet().retainAll(bots); // a bot gone from the runtime starts afresh if it comes back
            return Optional.of(bots);
        } catch (RuntimeException e) {
            LOG.warn("The {} runtime could not list its bots; listing those heard on MQTT only: {}", runtime.kind(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<RuntimeState> runtimeState(String name) {
        try {
            return runtime.state(name);
        } catch (RuntimeException e) {
            LOG.warn("The {} runtime could not report bot {}: {}", runtime.kind(), name, e.getMessage());
            return Optional.empty();
        }
    }
}
