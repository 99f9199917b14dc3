package io.aviary.bot.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays the Hummingbot API against the bridge: subscribes {@code hbot/<bot>/#} and its response topics like
 * {@code API:utils/mqtt_manager.py}, records everything it receives, and publishes requests in the API's envelope.
 */
public final class HummingbotApiClient implements AutoCloseable {

  public static final JsonMapper JSON = JsonMapper.builder()
      .enable(tools.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();

  public record Received(String topic, String payload, long receivedNanos) {
    public JsonNode json() {
      return JSON.readTree(payload);
    }
  }

  private final MqttClient client;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  public HummingbotApiClient(int port, String botPrefix) throws MqttException {
    client = new MqttClient("tcp://127.0.0.1:" + port, "hummingbot-api-" + System.nanoTime(),
        new MemoryPersistence());
    client.setCallback(new MqttCallback() {
      @Override
      public void disconnected(MqttDisconnectResponse r) { }

      @Override
      public void mqttErrorOccurred(MqttException e) { }

      @Override
      public void messageArrived(String topic, MqttMessage m) {
        received.add(new Received(topic, new String(m.getPayload(), StandardCharsets.UTF_8), System.nanoTime()));
      }

      @Override
      public void deliveryComplete(IMqttToken t) { }

      @Override
      public void connectComplete(boolean reconnect, String uri) { }

      @Override
      public void authPacketArrived(int code, MqttProperties p) { }
    });
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setCleanStart(true);
    client.connect(o);
    client.subscribe(new String[] {botPrefix + "/#", "hummingbot-api/response/#"}, new int[] {1, 1});
  }

  /** Publishes {@code {"header": {..., "reply_to": replyTo}, "data": data}} (QoS 1) as the API does. */
  public void request(String topic, String replyTo, String dataJson) throws MqttException {
    long now = System.currentTimeMillis();
    String header = replyTo == null
        ? "{\"timestamp\": %d, \"msg_id\": %d}".formatted(now, now)
        : "{\"timestamp\": %d, \"reply_to\": \"%s\", \"msg_id\": %d, \"node_id\": \"hummingbot-api\", \"agent\": \"hummingbot-api\", \"properties\": {}}"
            .formatted(now, replyTo, now);
    publishRaw(topic, "{\"header\": " + header + ", \"data\": " + dataJson + "}");
  }

  public void publishRaw(String topic, String payload) throws MqttException {
    client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
  }

  public List<Received> on(String topic) {
    return received.stream().filter(r -> r.topic().equals(topic)).toList();
  }

  /** The first message received on {@code topic} that matches {@code test}, waiting for it up to {@code timeout}. */
  public Received await(String topic, Predicate<JsonNode> test, Duration timeout) {
    return org.awaitility.Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(20))
        .until(() -> find(topic, test), Optional::isPresent).orElseThrow();
  }

  public Received await(String topic, Duration timeout) {
    return await(topic, json -> true, timeout);
  }

  private Optional<Received> find(String topic, Predicate<JsonNode> test) {
    return received.stream().filter(r -> r.topic().equals(topic) && test.test(r.json())).findFirst();
  }

  /** Forgets what was received so far (e.g. before provoking a second {@code online}). */
  public void clear() {
    received.clear();
  }

  @Override
  public void close() throws MqttException {
    try {
      client.disconnect();
    } catch (MqttException e) {
      // broker already gone
    }
    client.close(true);
  }
}
