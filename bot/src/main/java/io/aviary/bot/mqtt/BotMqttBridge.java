package io.aviary.bot.mqtt;

import io.aviary.bot.events.BotEvent;
import io.aviary.bot.events.BotEventListener;
import io.aviary.bot.events.MqttSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
import tools.jackson.databind.JsonNode;

/**
 * The bot's side of the Hummingbot MQTT protocol (internals §1): client id {@code hbot.{instance_id}}, heartbeat on
 * {@code P/hb}, availability on {@code P/status_updates}, telemetry on {@code P/performance}, {@code P/events},
 * {@code P/notify}, {@code P/log}, and the RPC commands on {@code P/start} ... {@code P/balance/paper} answered through
 * {@link BotCommands}. Paho MQTT v5, clean start, no retained messages.
 *
 * <p>Differences from Hummingbot (ADR 0014): a Last Will publishes {@code offline} on {@code P/status_updates} when the
 * connection dies without a clean stop (Hummingbot configures none, so a crash is only noticed by the missing
 * heartbeat); an invalid request with a {@code reply_to} gets a 400 reply instead of silence.
 *
 * <p>Reconnects by itself (Paho's automatic reconnect once connected, its own retry loop before the first connect),
 * and on every (re)connect subscribes again (a clean-start session forgets them) and then publishes {@code online}.
 * Publishing while disconnected drops the message, like Hummingbot: telemetry is only worth its current value.
 */
public final class BotMqttBridge implements BotEventListener, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(BotMqttBridge.class);
  private static final int QOS_PUBSUB = 0;
  private static final int QOS_COMMAND = 1;
  private static final int KEEPALIVE_SECONDS = 60;
  private static final long CLOSE_WAIT_MS = 2_000;

  private final MqttSettings settings;
  private final BridgeOptions options;
  private final String prefix;
  private final Map<String, CommandRoute<?>> routes = new LinkedHashMap<>();
  private final CommandDispatcher dispatcher;
  private final ScheduledExecutorService scheduler;
  private final MqttAsyncClient client;
  private final MqttConnectionOptions connectOptions;
  private final AtomicLong dropped = new AtomicLong();
  private volatile ExternalEvent.Listener externalEventListener = event -> { };
  private volatile CountDownLatch connected = new CountDownLatch(1);
  private volatile boolean closed;

  public BotMqttBridge(MqttSettings settings, BotCommands commands, BridgeOptions options) {
    requireTopicLevel("instance_id", settings.instanceId());
    this.settings = settings;
    this.options = options;
    this.prefix = settings.topicPrefix();
    if (settings.commands()) {
      CommandRoute.ALL.forEach(route -> routes.put(prefix + "/" + route.name(), route));
    }
    this.dispatcher = new CommandDispatcher(commands, options.commandTimeout(), this::publishReply);
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "mqtt-heartbeat");
      t.setDaemon(true);
      return t;
    });
    String uri = (settings.ssl() ? "ssl://" : "tcp://") + settings.host() + ":" + settings.port();
    try {
      this.client = new MqttAsyncClient(uri, "hbot." + settings.instanceId(), new MemoryPersistence());
    } catch (MqttException e) {
      throw new IllegalArgumentException("invalid MQTT broker address " + uri + ": " + e.getMessage(), e);
    }
    this.connectOptions = connectOptions();
    client.setCallback(new Callback());
  }

  /**
   * The instance id is one topic level of every topic: MQTT wildcards or a {@code /} would subscribe or publish
   * somewhere else (and a {@code .} is rewritten by older Hummingbot tooling, internals §1.1).
   */
  private static void requireTopicLevel(String what, String value) {
    if (value == null || value.isEmpty() || value.chars().anyMatch(c -> c == '/' || c == '+' || c == '#' || c == 0)) {
      throw new IllegalArgumentException(what + " must be a non-empty MQTT topic level without '/', '+' or '#'");
    }
  }

  private MqttConnectionOptions connectOptions() {
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setCleanStart(true);
    o.setSessionExpiryInterval(0L);
    o.setKeepAliveInterval(KEEPALIVE_SECONDS);
    o.setConnectionTimeout(10);
    o.setAutomaticReconnect(true);
    o.setAutomaticReconnectDelay(1, (int) Math.max(1, options.maxReconnectDelay().toSeconds()));
    if (settings.username() != null && !settings.username().isEmpty()) {
      o.setUserName(settings.username());
      String password = settings.password() == null ? "" : settings.password();
      o.setPassword(password.getBytes(StandardCharsets.UTF_8));
    }
    if (options.socketFactory() != null) {
      o.setSocketFactory(options.socketFactory());
    }
    o.setWill(topic("status_updates"), offlineWill());
    return o;
  }

  /** The Last Will; its timestamp is the connect time (a will cannot be stamped when the broker sends it). */
  private MqttMessage offlineWill() {
    MqttMessage will = new MqttMessage(
        WireJson.toBytes(TelemetryPayloads.availability(System.currentTimeMillis(), false)));
    will.setQos(QOS_PUBSUB);
    will.setRetained(false);
    return will;
  }

  /** Receives {@code P/external/event/#} messages (on the command pool). */
  public void onExternalEvent(ExternalEvent.Listener listener) {
    this.externalEventListener = listener;
  }

  /**
   * Starts connecting and the heartbeat; returns at once. If the broker is not reachable it keeps trying, every
   * {@code maxReconnectDelay}, until {@link #close()}.
   */
  public void start() {
    long hbMs = options.heartbeatInterval().toMillis();
    scheduler.scheduleAtFixedRate(this::heartbeat, hbMs, hbMs, TimeUnit.MILLISECONDS);
    connect();
  }

  private void connect() {
    if (closed) {
      return;
    }
    try {
      client.connect(connectOptions, null, new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          // connectComplete does the rest
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
    if (closed) {
      return;
    }
    log.warn("MQTT broker {}:{} not reachable ({}); retrying in {} s", settings.host(), settings.port(),
        error.getMessage(), options.maxReconnectDelay().toSeconds());
    scheduler.schedule(this::connect, options.maxReconnectDelay().toMillis(), TimeUnit.MILLISECONDS);
  }

  /** True once connected, until the connection drops. */
  public boolean isConnected() {
    return client.isConnected();
  }

  /** Waits until the bridge is connected, subscribed and has said {@code online}. */
  public boolean awaitConnected(Duration timeout) throws InterruptedException {
    return connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && isConnected();
  }

  /** Messages not published because the bridge was disconnected or the client refused them. */
  public long droppedMessages() {
    return dropped.get();
  }

  /** {@code P/performance}: one report per controller id. */
  public void publishPerformance(Map<String, ControllerReport> reports) {
    publish("performance", TelemetryPayloads.performance(reports));
  }

  /** {@code P/events}, when {@code mqtt_events} is on. */
  public void publishEvent(BotEvent event) {
    if (settings.events()) {
      publish("events", TelemetryPayloads.event(event));
    }
  }

  @Override
  public void onEvent(BotEvent event) {
    publishEvent(event);
  }

  /** {@code P/notify}, when {@code mqtt_notifier} is on. */
  public void notify(String msg) {
    if (settings.notifier()) {
      publish("notify", TelemetryPayloads.notify(msg));
    }
  }

  /** {@code P/log}; used by {@link MqttLogAppender}. */
  void publishLog(Map<String, Object> logMessage) {
    publish("log", logMessage);
  }

  boolean logForwardingEnabled() {
    return settings.logger();
  }

  private void heartbeat() {
    Instant now = Instant.now();
    publish("hb", TelemetryPayloads.heartbeat(ChronoUnit.MICROS.between(Instant.EPOCH, now)));
  }

  private String topic(String suffix) {
    return prefix + "/" + suffix;
  }

  private void publish(String suffix, Map<String, Object> payload) {
    publishRaw(topic(suffix), WireJson.toBytes(payload), QOS_PUBSUB);
  }

  private void publishReply(String replyTo, byte[] payload) {
    publishRaw(replyTo, payload, QOS_COMMAND);
  }

  private IMqttToken publishRaw(String topic, byte[] payload, int qos) {
    if (!client.isConnected()) {
      dropped.incrementAndGet();
      return null;
    }
    try {
      return client.publish(topic, payload, qos, false);
    } catch (MqttException | IllegalArgumentException e) {
      // IllegalArgumentException: a reply_to with wildcards; MqttException: in-flight window full or just dropped
      dropped.incrementAndGet();
      log.debug("MQTT publish on {} dropped: {}", topic, e.getMessage());
      return null;
    }
  }

  private void subscribeAndAnnounce() {
    int n = routes.size() + 1;
    MqttSubscription[] subscriptions = new MqttSubscription[n];
    int i = 0;
    for (String commandTopic : routes.keySet()) {
      subscriptions[i++] = new MqttSubscription(commandTopic, QOS_COMMAND);
    }
    subscriptions[i] = new MqttSubscription(topic("external/event/#"), QOS_PUBSUB);
    try {
      client.subscribe(subscriptions, null, new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          announceOnline();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable error) {
          log.warn("MQTT subscribe failed: {}", error.getMessage());
          announceOnline();
        }
      }, new MqttProperties());
    } catch (MqttException e) {
      log.warn("MQTT subscribe failed: {}", e.getMessage());
    }
  }

  /** After the subscriptions are active, so a consumer that reacts to {@code online} finds the commands working. */
  private void announceOnline() {
    publish("status_updates", TelemetryPayloads.availability(System.currentTimeMillis(), true));
    heartbeat(); // the first heartbeat right away, not one interval after start
    connected.countDown();
  }

  private void onMessage(String topic, MqttMessage message) {
    CommandRoute<?> route = routes.get(topic);
    if (route != null) {
      dispatcher.dispatch(route, message.getPayload());
    } else if (topic.startsWith(prefix + "/external/event/")) {
      externalEvent(topic.substring((prefix + "/external/event/").length()), message.getPayload());
    }
  }

  private void externalEvent(String name, byte[] payload) {
    JsonNode node = WireJson.parse(payload);
    if (node == null || !node.isObject()) {
      log.warn("Dropped a non-JSON external event ({} bytes)", payload.length);
      return;
    }
    Object data = RequestFields.plain(node.get("data"));
    @SuppressWarnings("unchecked")
    ExternalEvent event = new ExternalEvent(name.replace('/', '.'), longOr(node.get("timestamp"), -1),
        longOr(node.get("sequence"), 0), node.hasNonNull("type") ? node.get("type").asString() : "eevent",
        data instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
    ExternalEvent.Listener listener = externalEventListener;
    if (!dispatcher.submit(() -> listener.onExternalEvent(event))) {
      log.warn("Dropped external event {}: command pool full", event.name());
    }
  }

  private static long longOr(JsonNode v, long fallback) {
    if (v == null || v.isNull()) {
      return fallback;
    }
    try {
      return v.isNumber() ? v.asLong() : Long.parseLong(v.asString().trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /**
   * Says {@code offline}, disconnects cleanly (so the broker discards the will) and stops the heartbeat and the
   * command pool.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    scheduler.shutdownNow();
    try {
      IMqttToken offline = publishRaw(topic("status_updates"),
          WireJson.toBytes(TelemetryPayloads.availability(System.currentTimeMillis(), false)), QOS_PUBSUB);
      if (offline != null) {
        offline.waitForCompletion(CLOSE_WAIT_MS);
      }
      if (client.isConnected()) {
        client.disconnect(CLOSE_WAIT_MS).waitForCompletion(CLOSE_WAIT_MS);
      }
    } catch (MqttException e) {
      log.debug("MQTT disconnect: {}", e.getMessage());
    }
    try {
      client.disconnectForcibly(0, 0, false);
    } catch (MqttException e) {
      // already disconnected
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      log.debug("MQTT close: {}", e.getMessage());
    }
    dispatcher.close();
  }

  private final class Callback implements MqttCallback {

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      log.info("MQTT {} to {} as hbot.{}", reconnect ? "reconnected" : "connected", serverUri,
          settings.instanceId());
      connectOptions.setWill(topic("status_updates"), offlineWill()); // fresh timestamp for the next connect
      subscribeAndAnnounce();
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
      if (!closed) {
        connected = new CountDownLatch(1);
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
      onMessage(topic, message);
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
      // QoS 0 telemetry and fire-and-forget replies: nothing to track
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
      // no enhanced authentication
    }
  }
}
