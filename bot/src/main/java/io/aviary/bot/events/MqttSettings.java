package io.aviary.bot.events;

/**
 * The {@code mqtt_bridge} section of Hummingbot's {@code conf/conf_client.yml} plus the {@code instance_id}, with
 * Hummingbot's defaults. Read by the instance-folder loader, used by the MQTT bridge.
 *
 * @param namespace topic prefix, trailing {@code /} or {@code .} already stripped (default {@code hbot})
 */
public record MqttSettings(
    String instanceId,
    String host,
    int port,
    String username,
    String password,
    String namespace,
    boolean ssl,
    boolean commands,
    boolean events,
    boolean notifier,
    boolean logger) {

  /** Topic prefix {@code {namespace}/{instance_id}}. */
  public String topicPrefix() {
    return namespace + "/" + instanceId;
  }

  @Override
  public String toString() {
    // the password never reaches a log
    return "MqttSettings[instanceId=" + instanceId + ", host=" + host + ", port=" + port + ", namespace=" + namespace
        + ", ssl=" + ssl + ", username=" + (username == null || username.isEmpty() ? "<none>" : username) + "]";
  }
}
