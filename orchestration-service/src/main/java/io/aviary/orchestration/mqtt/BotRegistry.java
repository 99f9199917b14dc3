package io.aviary.orchestration.mqtt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Every bot heard on {@code hbot/<bot>/...}, in memory (like Hummingbot's {@code MQTTManager}): last seen, the latest
 * performance per controller, the last {@value #LOG_CAPACITY} error and other logs, and availability.
 *
 * <p>Liveness (hummingbot-internals §1.7) made robust: a bot is live while any of its topics spoke within the
 * liveness window (three heartbeats), so one late heartbeat does not flip it; an {@code offline} availability (its
 * clean stop, or the Last Will the Aviary bot leaves for a crash) ends liveness at once instead of 30 s later. A bot
 * that falls silent keeps its last performance for the discovery window (idle), rather than being dropped and found
 * again with nothing, which is what made Hummingbot's status flap between stopped and running.
 */
@Component
public class BotRegistry {

    static final int LOG_CAPACITY = 100;
    /** A message this soon after {@code offline} may have been in flight before it; later ones mean the bot is back. */
    static final Duration OFFLINE_GRACE = Duration.ofSeconds(2);
    private static final Duration LOG_DEDUP_TTL = Duration.ofSeconds(300);

    private final Map<String, BotState> bots = new ConcurrentHashMap<>();
    private final Duration livenessWindow;
    private final Duration discoveryWindow;
    private final Clock clock;

    @Autowired
    public BotRegistry(BrokerSettings settings) {
        this(settings, Clock.systemUTC());
    }

    BotRegistry(BrokerSettings settings, Clock clock) {
        this.livenessWindow = settings.livenessWindow();
        this.discoveryWindow = settings.discoveryWindow();
        this.clock = clock;
    }

    /** One message on {@code hbot/<bot>/<channel>}; a payload that is not JSON still counts as a sign of life. */
    void onMessage(String bot, String channel, JsonNode payload) {
        Instant now = clock.instant();
        BotState state = bots.computeIfAbsent(bot, BotState::new);
        state.record(channel, payload, now);
    }

    /** After a successful {@code stop}: the reports are the stopped strategy's (Hummingbot clears them too). */
    void clearPerformance(String bot) {
        BotState state = bots.get(bot);
        if (state != null) {
            state.clearPerformance();
        }
    }

    /** Bots heard within the discovery window, by name. */
    public List<BotView> bots() {
        forgetSilentBots();
        Instant now = clock.instant();
        return bots.values().stream().map(b -> b.view(now)).sorted(Comparator.comparing(BotView::name)).toList();
    }

    public Optional<BotView> bot(String name) {
        forgetSilentBots();
        BotState state = bots.get(name);
        return state == null ? Optional.empty() : Optional.of(state.view(clock.instant()));
    }

    public boolean isLive(String name) {
        return bot(name).map(BotView::recentlyActive).orElse(false);
    }

    /** Names heard within {@code window}, whatever they said. */
    public List<String> discovered(Duration window) {
        Instant since = clock.instant().minus(window);
        return bots.values().stream().filter(b -> b.lastSeen().isAfter(since)).map(b -> b.name).sorted().toList();
    }

    private void forgetSilentBots() {
        Instant since = clock.instant().minus(discoveryWindow);
        bots.values().removeIf(b -> !b.lastSeen().isAfter(since));
    }

    /** One bot's state; every access holds its monitor (MQTT callback thread vs HTTP threads). */
    private final class BotState {

        private final String name;
        private final Map<String, JsonNode> performance = new LinkedHashMap<>();
        private final ArrayDeque<JsonNode> errorLogs = new ArrayDeque<>();
        private final ArrayDeque<JsonNode> generalLogs = new ArrayDeque<>();
        private final Map<String, Instant> recentLogKeys = new LinkedHashMap<>();
        private Instant lastSeen = Instant.EPOCH;
        private Instant lastActivity = Instant.EPOCH;
        private Instant offlineAt;
        private String availability;

        BotState(String name) {
            this.name = name;
        }

        synchronized Instant lastSeen() {
            return lastSeen;
        }

        synchronized void record(String channel, JsonNode payload, Instant now) {
            lastSeen = now;
            if ("status_updates".equals(channel) && availability(payload) != null) {
                availability = availability(payload);
                offlineAt = "offline".equals(availability) ? now : null;
                if (offlineAt == null) {
                    lastActivity = now;
                }
                return;
            }
            if (offlineAt != null && Duration.between(offlineAt, now).compareTo(OFFLINE_GRACE) > 0) {
                offlineAt = null; // it reconnected and we missed its "online" (our own reconnect, say)
                availability = "online";
            }
            if (offlineAt == null) {
                lastActivity = now;
            }
            switch (channel) {
                case "performance" -> performance(payload);
                case "log" -> log(payload, now);
                default -> {
                    // hb, events, notify: only a sign of life here
                }
            }
        }

        private static String availability(JsonNode payload) {
            if (payload == null || !"availability".equals(payload.path("type").asString(""))) {
                return null;
            }
            String msg = payload.path("msg").asString("");
            return msg.equals("online") || msg.equals("offline") ? msg : null;
        }

        private void performance(JsonNode payload) {
            if (payload == null || !payload.isObject()) {
                return;
            }
            payload.properties().forEach(e -> performance.put(e.getKey(), e.getValue()));
        }

        private void log(JsonNode payload, Instant now) {
            if (payload == null || !payload.isObject()) {
                return;
            }
            String key = payload.path("msg").asString("") + ":" + payload.path("timestamp").asLong(0);
            recentLogKeys.values().removeIf(at -> at.isBefore(now.minus(LOG_DEDUP_TTL)));
            if (recentLogKeys.putIfAbsent(key, now) != null) {
                return;
            }
            trimKeys();
            ArrayDeque<JsonNode> logs = "ERROR".equals(payload.path("level_name").asString("")) ? errorLogs : generalLogs;
            logs.addLast(payload);
            if (logs.size() > LOG_CAPACITY) {
                logs.removeFirst();
            }
        }

        private void trimKeys() {
            Iterator<String> oldest = recentLogKeys.keySet().iterator();
            while (recentLogKeys.size() > 4 * LOG_CAPACITY && oldest.hasNext()) {
                oldest.next();
                oldest.remove();
            }
        }

        synchronized void clearPerformance() {
            performance.clear();
        }

        synchronized BotView view(Instant now) {
            boolean live = offlineAt == null && lastActivity.isAfter(now.minus(livenessWindow));
            String status = performance.isEmpty() ? BotView.STOPPED : live ? BotView.RUNNING : BotView.IDLE;
            return new BotView(name, status, live, Collections.unmodifiableMap(new LinkedHashMap<>(performance)), List.copyOf(errorLogs),
                    List.copyOf(generalLogs), lastSeen, availability);
        }
    }
}
