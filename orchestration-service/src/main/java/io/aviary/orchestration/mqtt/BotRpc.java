package io.aviary.orchestration.mqtt;

import io.aviary.kit.failure.Conflict;
import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.failure.NotFound;
import io.aviary.kit.failure.TimedOut;
import io.aviary.kit.failure.Unavailable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Hummingbot's RPC as the API should have done it (hummingbot-internals §1.4/§1.6): every command, not only
 * {@code history}, goes out with a reply topic of its own and waits for the reply, so a caller learns whether the bot
 * did it. Refusals are honest: an unknown bot is {@link NotFound}, a bot that is not live {@link Unavailable}, one
 * that does not answer in time {@link TimedOut}, and one that answers an error {@link Conflict} with its message.
 */
@Component
public class BotRpc {

    /** Instance names (Hummingbot's {@code ^[A-Za-z0-9_-]+$} plus its timestamp suffix); one MQTT topic level. */
    private static final Pattern BOT_NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final int MAX_MESSAGE_CHARS = 300;

    private final MqttBotClient client;
    private final RpcReplies replies;
    private final BotRegistry registry;
    private final Duration defaultTimeout;

    public BotRpc(MqttBotClient client, RpcReplies replies, BotRegistry registry, BrokerSettings settings) {
        this.client = client;
        this.replies = replies;
        this.registry = registry;
        this.defaultTimeout = settings.commandTimeout();
    }

    public Duration defaultTimeout() {
        return defaultTimeout;
    }

    /** A bot name as a request gives it, checked before it becomes part of a topic. */
    public static String requireBotName(String name) {
        if (name == null || !BOT_NAME.matcher(name).matches()) {
            throw new InvalidRequest("bot_name must be 1 to 128 letters, digits, '_' or '-'");
        }
        return name;
    }

    public RpcReply status(String bot, Duration timeout) {
        return call(bot, "status", Map.of("async_backend", false), timeout);
    }

    public RpcReply history(String bot, int days, boolean verbose, Integer precision, Duration timeout) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("days", days);
        data.put("verbose", verbose);
        data.put("precision", precision);
        data.put("async_backend", false); // the sync path is the one that returns the trades
        return call(bot, "history", data, timeout);
    }

    public RpcReply start(String bot, String logLevel, String script, String conf, boolean asyncBackend,
            Duration timeout) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("log_level", logLevel);
        data.put("script", script);
        data.put("conf", conf);
        data.put("is_quickstart", false);
        data.put("async_backend", asyncBackend);
        return call(bot, "start", data, timeout);
    }

    /** On success the bot's performance is cleared: it belonged to the stopped strategy. */
    public RpcReply stop(String bot, boolean skipOrderCancellation, boolean asyncBackend, Duration timeout) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("skip_order_cancellation", skipOrderCancellation);
        data.put("async_backend", asyncBackend);
        RpcReply reply = call(bot, "stop", data, timeout);
        registry.clearPerformance(bot);
        return reply;
    }

    /** {@code params} as the bot reads them: a list of {@code [key, value]} pairs (not the API's dict). */
    public RpcReply config(String bot, Map<String, Object> params, Duration timeout) {
        var pairs = params.entrySet().stream().map(e -> java.util.Arrays.asList(e.getKey(), e.getValue())).toList();
        return call(bot, "config", Map.of("params", pairs), timeout);
    }

    /**
     * Publishes {@code hbot/<bot>/<command>} and waits for the reply.
     *
     * @return the reply of a bot that answered 200
     */
    RpcReply call(String bot, String command, Map<String, Object> data, Duration timeout) {
        requireBotName(bot);
        BotView view = registry.bot(bot).orElseThrow(() -> new NotFound("Bot '" + bot + "' not found"));
        if (!view.recentlyActive()) {
            long silentFor = java.time.Duration.between(view.lastSeen(), java.time.Instant.now()).toSeconds();
            throw new Unavailable("Bot '" + bot + "' is not live (" + ("offline".equals(view.availability())
                    ? "it said offline" : "silent for " + silentFor + " s") + ")");
        }
        RpcReplies.PendingCall pending = replies.open();
        try {
            client.publish(MqttBotClient.NAMESPACE + "/" + bot + "/" + command, WireJson.write(envelope(pending, data)));
            RpcReply reply = new RpcReply(await(pending, bot, command, timeout));
            if (!reply.succeeded()) {
                throw new Conflict("Bot '" + bot + "' refused " + command + ": " + bounded(reply.msg()));
            }
            return reply;
        } finally {
            replies.close(pending);
        }
    }

    private static JsonNode await(RpcReplies.PendingCall pending, String bot, String command, Duration timeout) {
        try {
            return pending.reply().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new TimedOut("No response received from bot '" + bot + "' to " + command + " within "
                    + timeout.toMillis() / 1000.0 + " seconds");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("Interrupted while waiting for bot '" + bot + "'");
        } catch (ExecutionException e) {
            throw new Unavailable("No reply from bot '" + bot + "'");
        }
    }

    /** The request envelope the Hummingbot API sends ({@code _publish_command_with_reply_to}). */
    private static Map<String, Object> envelope(RpcReplies.PendingCall pending, Map<String, Object> data) {
        long now = System.currentTimeMillis();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("timestamp", now);
        header.put("reply_to", pending.replyTo());
        header.put("msg_id", now);
        header.put("node_id", "hummingbot-api");
        header.put("agent", "hummingbot-api");
        header.put("properties", Map.of());
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("header", header);
        envelope.put("data", data);
        return envelope;
    }

    private static String bounded(String msg) {
        return msg.length() <= MAX_MESSAGE_CHARS ? msg : msg.substring(0, MAX_MESSAGE_CHARS - 3) + "...";
    }
}
