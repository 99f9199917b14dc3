package io.aviary.orchestration.api;

import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.failure.NotFound;
import io.aviary.kit.web.JsonBody;
import io.aviary.kit.web.WireTime;
import io.aviary.orchestration.app.BotStatuses;
import io.aviary.orchestration.app.BotStatuses.BotStatus;
import io.aviary.orchestration.mqtt.BotRegistry;
import io.aviary.orchestration.mqtt.BotRpc;
import io.aviary.orchestration.mqtt.BotView;
import io.aviary.orchestration.mqtt.BrokerSettings;
import io.aviary.orchestration.mqtt.ControllerPerformance;
import io.aviary.orchestration.mqtt.MqttBotClient;
import io.aviary.orchestration.mqtt.PerformanceSnapshot;
import io.aviary.orchestration.mqtt.RpcReply;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The MQTT side of {@code /bot-orchestration} (api-catalog §1.6 and HEAD's controller-performance endpoints): the
 * catalog's shapes on success, honest statuses otherwise (unknown bot 404, bot not live 503, no reply 504, bot
 * refused 409, each with a {@code detail}) where Hummingbot answers errors inside a 200.
 */
@RestController
@RequestMapping("/bot-orchestration")
@Tag(name = "Bot orchestration", description = "Bots seen on MQTT: status, history, start, stop, performance")
public class BotOrchestrationController {

    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);

    private final BotRegistry registry;
    private final BotRpc rpc;
    private final MqttBotClient client;
    private final ControllerPerformance performance;
    private final BotStatuses statuses;

    public BotOrchestrationController(BotRegistry registry, BotRpc rpc, MqttBotClient client,
            ControllerPerformance performance, BotStatuses statuses) {
        this.registry = registry;
        this.statuses = statuses;
        this.rpc = rpc;
        this.client = client;
        this.performance = performance;
    }

    @GetMapping("/status")
    @Operation(summary = "Status of every bot heard on MQTT in the last 5 minutes or run by the runtime")
    public Map<String, Object> status() {
        Map<String, Object> data = new LinkedHashMap<>();
        for (BotStatus bot : statuses.all()) {
            Map<String, Object> status = statusObject(bot);
            status.put("source", bot.source());
            data.put(bot.name(), status);
        }
        return Map.of("status", "success", "data", data);
    }

    @GetMapping("/mqtt")
    @Operation(summary = "The MQTT connection and the bots discovered on it")
    public Map<String, Object> mqtt() {
        BrokerSettings s = client.settings();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("mqtt_connected", client.isConnected());
        data.put("discovered_bots", registry.discovered(s.discoveryWindow()));
        data.put("active_bots", registry.bots().stream().filter(BotView::recentlyActive).map(BotView::name).toList());
        data.put("broker_host", s.host());
        data.put("broker_port", s.port());
        data.put("broker_username", s.hasCredentials() ? s.username() : null);
        data.put("client_state", client.isConnected() ? "connected" : "disconnected");
        return Map.of("status", "success", "data", data);
    }

    @GetMapping("/{bot_name}/status")
    @Operation(summary = "Status of one bot (404 when it was not heard in the last 5 minutes and the runtime does not "
            + "run it)")
    public Map<String, Object> botStatus(@PathVariable("bot_name") String botName) {
        BotStatus bot = statuses.one(BotRpc.requireBotName(botName))
                .orElseThrow(() -> new NotFound("Bot '" + botName + "' not found"));
        return Map.of("status", "success", "data", statusObject(bot));
    }

    @GetMapping("/{bot_name}/history")
    @Operation(summary = "The bot's trades over MQTT RPC (history, sync backend)")
    public Map<String, Object> history(@PathVariable("bot_name") String botName,
            @RequestParam(name = "days", defaultValue = "0") int days,
            @RequestParam(name = "verbose", defaultValue = "false") boolean verbose,
            @RequestParam(name = "precision", required = false) Integer precision,
            @RequestParam(name = "timeout", required = false) Double timeoutSeconds) {
        if (days < 0) {
            throw new InvalidRequest("days must be 0 or more");
        }
        RpcReply reply = rpc.history(botName, days, verbose, precision, timeout(timeoutSeconds));
        return Map.of("status", "success", "response", Map.of("success", true, "data", reply.envelope()));
    }

    @PostMapping("/start-bot")
    @Operation(summary = "Send start to a bot and wait for its answer")
    public Map<String, Object> startBot(@RequestBody(required = false) JsonNode body) {
        JsonBody b = JsonBody.of(body);
        String bot = b.requiredString("bot_name");
        String logLevel = b.optionalString("log_level");
        String script = b.optionalString("script");
        String conf = b.optionalString("conf");
        b.validate();
        RpcReply reply = rpc.start(bot, logLevel, script, conf, bool(body, "async_backend"), rpc.defaultTimeout());
        return commandAnswer(reply);
    }

    @PostMapping("/stop-bot")
    @Operation(summary = "Send stop to a bot and wait for its answer")
    public Map<String, Object> stopBot(@RequestBody(required = false) JsonNode body) {
        JsonBody b = JsonBody.of(body);
        String bot = b.requiredString("bot_name");
        b.validate();
        RpcReply reply = rpc.stop(bot, bool(body, "skip_order_cancellation"), bool(body, "async_backend"),
                rpc.defaultTimeout());
        return commandAnswer(reply);
    }

    @GetMapping("/controller-performance-latest")
    @Operation(summary = "The newest performance snapshot per bot and controller")
    public Map<String, Object> performanceLatest(@RequestParam(name = "bot_name", required = false) String botName) {
        return Map.of("status", "success", "data", performance.latest(botName).stream().map(this::snapshot).toList());
    }

    @GetMapping("/controller-performance-history")
    @Operation(summary = "Performance snapshots sampled per interval, newest first, paged by cursor")
    public Map<String, Object> performanceHistory(@RequestParam(name = "bot_name", required = false) String botName,
            @RequestParam(name = "controller_id", required = false) String controllerId,
            @RequestParam(name = "limit", defaultValue = "100") int limit,
            @RequestParam(name = "cursor", required = false) String cursor,
            @RequestParam(name = "start_time", required = false) String startTime,
            @RequestParam(name = "end_time", required = false) String endTime,
            @RequestParam(name = "interval", defaultValue = "5m") String interval) {
        List<PerformanceSnapshot> rows = performance.history(botName, controllerId, startTime, endTime, interval,
                cursor, limit);
        boolean more = rows.size() > limit;
        List<PerformanceSnapshot> page = more ? rows.subList(0, limit) : rows;
        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("next_cursor", more ? Long.toString(page.getLast().id()) : null);
        pagination.put("has_more", more);
        pagination.put("limit", limit);
        pagination.put("interval", interval);
        return Map.of("status", "success", "data", page.stream().map(this::snapshot).toList(),
                "pagination", pagination);
    }

    private Map<String, Object> snapshot(PerformanceSnapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("timestamp", WireTime.iso(s.timestamp()));
        m.put("bot_name", s.botName());
        m.put("controller_id", s.controllerId());
        m.put("status", s.status());
        m.put("performance", s.performance());
        m.put("custom_info", s.customInfo());
        return m;
    }

    private static Map<String, Object> commandAnswer(RpcReply reply) {
        return Map.of("status", "success", "response", Map.of("success", true, "message", reply.msg()));
    }

    private static boolean bool(JsonNode body, String field) {
        JsonNode v = body == null ? null : body.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new InvalidRequest(field + " must be true or false");
        }
        return v.asBoolean();
    }

    private Duration timeout(Double seconds) {
        if (seconds == null) {
            return rpc.defaultTimeout();
        }
        if (!(seconds > 0) || seconds * 1000 > MAX_TIMEOUT.toMillis()) {
            throw new InvalidRequest("timeout must be more than 0 and at most 300 seconds");
        }
        return Duration.ofMillis((long) (seconds * 1000));
    }

    /**
     * The catalog's bot status object, plus {@code runtime_state}; a bot not heard on MQTT has no performance, logs
     * or last-seen time.
     */
    private static Map<String, Object> statusObject(BotStatus status) {
        BotView bot = status.heard();
        Map<String, Object> m = new LinkedHashMap<>();
        if (bot == null) {
            m.put("status", status.status());
            m.put("performance", Map.of());
            m.put("error_logs", List.of());
            m.put("general_logs", List.of());
            m.put("recently_active", false);
            m.put("last_seen", null);
            m.put("availability", null);
        } else {
            m.putAll(heardObject(bot));
            m.put("status", status.status());
        }
        m.put("runtime_state", status.runtimeState() == null ? null
                : status.runtimeState().name().toLowerCase(Locale.ROOT));
        return m;
    }

    private static Map<String, Object> heardObject(BotView bot) {
        Map<String, Object> perf = new LinkedHashMap<>();
        bot.performance().forEach((id, report) -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("status", "running");
            c.put("performance", report.path("performance").isObject() ? report.path("performance") : report);
            c.put("custom_info", report.path("custom_info").isObject() ? report.path("custom_info") : Map.of());
            perf.put(id, c);
        });
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", bot.status());
        m.put("performance", perf);
        m.put("error_logs", bot.errorLogs());
        m.put("general_logs", bot.generalLogs());
        m.put("recently_active", bot.recentlyActive());
        m.put("last_seen", WireTime.iso(bot.lastSeen()));
        m.put("availability", bot.availability());
        return m;
    }
}
