package io.aviary.trading.api;

import io.aviary.kit.stream.LiveStream;
import io.aviary.kit.stream.StreamSource;
import io.aviary.kit.stream.SubscribeMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@code /ws/executors} streams, as hummingbot-api HEAD: {@code executors} (filtered list), {@code executor_detail},
 * {@code executor_summary}, {@code performance}, {@code positions} (each pushed when it changed, with the REST
 * endpoints' shapes) and {@code executor_logs} (only the entries new since the last push). Subscription ids are the
 * original's ({@code executors_<md5 of the filters>}, {@code executor_detail_<id>}, {@code performance_<controller|all>}
 * ...). The bot types ({@code bot_status}, {@code all_bots_status}) belong to orchestration-service and are refused.
 */
final class ExecutorStreams implements StreamSource {

    private static final List<String> FILTERS = List.of("account_name", "connector_name", "trading_pair",
            "executor_type", "status", "controller_id");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ExecutorsController executors;

    ExecutorStreams(ExecutorsController executors) {
        this.executors = executors;
    }

    @Override
    public LiveStream open(SubscribeMessage msg) {
        String type = msg.type("executors", "executor_detail", "executor_summary", "performance", "positions",
                "executor_logs", "bot_status", "all_bots_status");
        return switch (type) {
            case "executors" -> executorList(msg);
            case "executor_detail" -> {
                String id = msg.name("executor_id");
                executors.get(id); // an unknown executor is an error now, not a silent stream
                yield new OnChange("executor_detail_" + id, "executor_detail", () -> executors.get(id));
            }
            case "executor_summary" -> new OnChange("executor_summary", "executor_summary", executors::summary);
            case "performance" -> {
                String controller = msg.name("controller_id", null);
                yield new OnChange("performance_" + (controller == null ? "all" : controller), "performance",
                        () -> executors.performance(controller));
            }
            case "positions" -> {
                String controller = msg.name("controller_id", null);
                yield new OnChange("positions_" + (controller == null ? "all" : controller), "positions",
                        () -> executors.positionsSummary(controller));
            }
            case "executor_logs" -> {
                String id = msg.name("executor_id");
                String level = msg.name("level", null);
                executors.get(id);
                yield new Logs("executor_logs_" + id, id, level, executors);
            }
            default -> throw new IllegalArgumentException(type + " is served by orchestration-service; Aviary does"
                    + " not stream it here: poll GET /bot-orchestration/status");
        };
    }

    /** {@code executors} with hummingbot-api's filters (one value each), as {@code POST /executors/search} finds them. */
    private LiveStream executorList(SubscribeMessage msg) {
        JsonNode filters = msg.raw("filters");
        if (filters != null && !filters.isNull() && !filters.isObject()) {
            throw new IllegalArgumentException("'filters' must be an object");
        }
        Map<String, String> chosen = new TreeMap<>();
        if (filters != null && filters.isObject()) {
            for (String key : filters.propertyNames()) {
                if (!FILTERS.contains(key)) {
                    throw new IllegalArgumentException("Unknown filter" + (key.matches("[a-z_]{1,32}") ? " '" + key + "'" : "")
                            + ". Valid filters: " + String.join(", ", FILTERS));
                }
                JsonNode value = filters.get(key);
                if (!value.isNull()) {
                    if (!value.isString() || !value.asString().matches("[A-Za-z0-9_.\\-]{1,64}")) {
                        throw new IllegalArgumentException("filter '" + key + "' must be 1 to 64 letters, digits, '_', '.' or '-'");
                    }
                    chosen.put(key, value.asString());
                }
            }
        }
        ObjectNode search = JSON.createObjectNode();
        search.put("limit", 1000);
        chosen.forEach((key, value) -> {
            if (key.equals("status")) {
                search.put("status", value);
            } else {
                search.putArray(key + "s").add(value);
            }
        });
        return new OnChange("executors_" + hash(chosen), "executors", () -> {
            Map<String, Object> page = executors.search(search);
            Object data = page.get("data");
            return Map.of("data", data, "total_count", ((List<?>) data).size());
        }, true);
    }

    /** The first 8 hex digits of the MD5 of the filters as Python's {@code json.dumps(sort_keys=True)} writes them. */
    static String hash(Map<String, String> sorted) {
        StringBuilder json = new StringBuilder("{");
        sorted.forEach((k, v) -> json.append(json.length() > 1 ? ", " : "").append('"').append(k).append("\": \"")
                .append(v).append('"'));
        json.append('}');
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(json.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Pushes the current value whenever it differs from the last one pushed. */
    private static final class OnChange implements LiveStream {
        private final String id;
        private final String type;
        private final Supplier<Map<String, Object>> read;
        private final boolean topLevel;
        private Map<String, Object> last;

        OnChange(String id, String type, Supplier<Map<String, Object>> read) {
            this(id, type, read, false);
        }

        /** @param topLevel the read value's entries go beside {@code type} (executors: data and total_count) */
        OnChange(String id, String type, Supplier<Map<String, Object>> read, boolean topLevel) {
            this.id = id;
            this.type = type;
            this.read = read;
            this.topLevel = topLevel;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public synchronized Optional<Map<String, Object>> poll() {
            Map<String, Object> now = read.get();
            if (now.equals(last)) {
                return Optional.empty();
            }
            last = now;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", type);
            if (topLevel) {
                body.putAll(now);
            } else {
                body.put("data", now);
            }
            return Optional.of(body);
        }

        @Override
        public void close() {
        }
    }

    /**
     * Pushes only the log entries stored since the last push (by their store sequence, so it keeps pushing once the
     * executor's log is at its bound), with the total kept. Read from the store: the same on every replica.
     */
    private static final class Logs implements LiveStream {
        private final String id;
        private final String executorId;
        private final String level;
        private final ExecutorsController executors;
        private long lastSeq;

        Logs(String id, String executorId, String level, ExecutorsController executors) {
            this.id = id;
            this.executorId = executorId;
            this.level = level;
            this.executors = executors;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public synchronized Optional<Map<String, Object>> poll() {
            ExecutorsController.NewLogs fresh = executors.logsAfter(executorId, level, lastSeq);
            if (fresh.logs().isEmpty()) {
                return Optional.empty();
            }
            lastSeq = fresh.lastSeq();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "executor_logs");
            body.put("data", fresh.logs());
            body.put("total_count", executors.logCount(executorId, level));
            return Optional.of(body);
        }

        @Override
        public void close() {
        }
    }
}
