package io.aviary.orchestration.mqtt;

import io.aviary.kit.failure.Unavailable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The service's one MQTT connection (Paho v5, clean start, like the Hummingbot API's {@code MQTTManager}): it
 * subscribes to every bot's telemetry and to the RPC reply topics, again after each reconnect (a clean-start session
 * forgets them), and hands messages to {@link BotRegistry} and {@link RpcReplies}.
 *
 * <p>A broker that is down does not stop the service from starting: the first connect is retried every
 * {@value #RETRY_SECONDS} s in the background, Paho's automatic reconnect takes over once connected, and meanwhile
 * the health shows MQTT degraded and commands answer 503.
 */
@Component
public class MqttBotClient implements SmartLifecycle {

    static final String NAMESPACE = "hbot";
    static final String[] TELEMETRY = {"hb", "status_updates", "performance", "log", "events", "notify"};
    private static final Logger log = LoggerFactory.getLogger(MqttBotClient.class);
    private static final int QOS = 1;
    private static final int RETRY_SECONDS = 5;

    private final BrokerSettings settings;
    private final BotRegistry registry;
    private final RpcReplies replies;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mqtt-connect");
        t.setDaemon(true);
        return t;
    });
    private volatile MqttAsyncClient client;
    private volatile boolean running;
    private volatile Instant disconnectedSince = Instant.now();

    public MqttBotClient(BrokerSettings settings, BotRegistry registry, RpcReplies replies) {
        this.settings = settings;
        this.registry = registry;
        this.replies = replies;
    }

    @Override
    public void start() {
        String uri = "tcp://" + settings.host() + ":" + settings.port();
        try {
            // unique per process: a broker disconnects the older of two sessions with one client id
            client = new MqttAsyncClient(uri, "aviary-orchestration-" + UUID.randomUUID().toString().substring(0, 8),
                    new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            log.error("MQTT broker address {} is invalid ({}); bots cannot be watched", uri, e.getMessage());
            return;
        }
        client.setCallback(new Callback());
        running = true;
        connect();
    }

    private MqttConnectionOptions options() {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setSessionExpiryInterval(0L);
        o.setKeepAliveInterval(60);
        o.setConnectionTimeout(10);
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, RETRY_SECONDS);
        if (settings.hasCredentials()) {
            o.setUserName(settings.username());
            o.setPassword((settings.password() == null ? "" : settings.password()).getBytes(StandardCharsets.UTF_8));
        }
        return o;
    }

    private void connect() {
        if (!running) {
            return;
        }
        try {
            client.connect(options(), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    // connectComplete subscribes
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    retryFirstConnect(error);
                }
            });
        } catch (MqttException e) {
            retryFirstConnect(e);
        }
    }

    private void retryFirstConnect(Throwable error) {
        if (!running) {
            return;
        }
        log.warn("MQTT broker {}:{} not reachable ({}); retrying in {} s", settings.host(), settings.port(),
                error.getMessage(), RETRY_SECONDS);
        retries.schedule(this::connect, RETRY_SECONDS, TimeUnit.SECONDS);
    }

    private void subscribe() {
        MqttSubscription[] subscriptions = new MqttSubscription[TELEMETRY.length + 1];
        for (int i = 0; i < TELEMETRY.length; i++) {
            subscriptions[i] = new MqttSubscription(NAMESPACE + "/+/" + TELEMETRY[i], QOS);
        }
        subscriptions[TELEMETRY.length] = new MqttSubscription(RpcReplies.REPLY_PREFIX + "+", QOS);
        try {
            client.subscribe(subscriptions, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    disconnectedSince = null;
                    log.info("MQTT subscribed to bot telemetry and RPC replies on {}:{}", settings.host(),
                            settings.port());
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    log.warn("MQTT subscribe failed: {}", error.getMessage());
                }
            }, new MqttProperties());
        } catch (MqttException e) {
            log.warn("MQTT subscribe failed: {}", e.getMessage());
        }
    }

    /** Connected and subscribed. */
    public boolean isConnected() {
        MqttAsyncClient c = client;
        return c != null && c.isConnected() && disconnectedSince == null;
    }

    /** Since when the client has not been connected; {@code null} while connected. */
    public Instant disconnectedSince() {
        return disconnectedSince;
    }

    public BrokerSettings settings() {
        return settings;
    }

    /** Publishes one command (QoS 1, not retained). */
    void publish(String topic, byte[] payload) {
        MqttAsyncClient c = client;
        if (c == null || !isConnected()) {
            throw brokerUnavailable();
        }
        try {
            c.publish(topic, payload, QOS, false);
        } catch (MqttException e) {
            log.warn("MQTT publish on {} failed: {}", topic, e.getMessage());
            throw brokerUnavailable();
        }
    }

    private Unavailable brokerUnavailable() {
        return new Unavailable("MQTT broker " + settings.host() + ":" + settings.port() + " is not connected");
    }

    private void route(String topic, MqttMessage message) {
        if (topic.startsWith(RpcReplies.REPLY_PREFIX)) {
            replies.onReply(topic.substring(RpcReplies.REPLY_PREFIX.length()), WireJson.parse(message.getPayload()));
            return;
        }
        String[] parts = topic.split("/", 3);
        if (parts.length == 3 && NAMESPACE.equals(parts[0]) && !parts[1].isEmpty()) {
            registry.onMessage(parts[1], parts[2], WireJson.parse(message.getPayload()));
        }
    }

    @Override
    public void stop() {
        running = false;
        retries.shutdownNow();
        MqttAsyncClient c = client;
        if (c == null) {
            return;
        }
        try {
            if (c.isConnected()) {
                c.disconnect(2_000).waitForCompletion(2_000);
            }
        } catch (MqttException e) {
            log.debug("MQTT disconnect: {}", e.getMessage());
        }
        try {
            c.disconnectForcibly(0, 0, false);
        } catch (MqttException e) {
            // already disconnected
        }
        try {
            c.close(true);
        } catch (MqttException e) {
            log.debug("MQTT close: {}", e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private final class Callback implements MqttCallback {

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            log.info("MQTT {} to {}", reconnect ? "reconnected" : "connected", serverUri);
            subscribe();
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            if (disconnectedSince == null) {
                disconnectedSince = Instant.now();
            }
            if (running) {
                log.warn("MQTT connection lost ({}); reconnecting", response.getReasonString() != null
                        ? response.getReasonString() : String.valueOf(response.getException()));
            }
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            log.warn("MQTT error: {}", exception.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            route(topic, message);
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // commands are fire-and-forget at QoS 1; their replies come on the reply topics
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced authentication
        }
    }
}
