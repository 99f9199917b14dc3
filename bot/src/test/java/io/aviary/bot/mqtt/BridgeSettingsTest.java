package io.aviary.bot.mqtt;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.bot.events.MqttSettings;
import org.junit.jupiter.api.Test;

/** Settings that would put the bot on the wrong topics are refused before anything connects. */
class BridgeSettingsTest {

  private static MqttSettings withInstanceId(String id) {
    return new MqttSettings(id, "localhost", 1883, "", "", "hbot", false, true, true, true, true);
  }

  @Test
  void instanceIdsThatAreNotOneTopicLevelAreRefused() {
    for (String id : new String[] {"", "a/b", "bot+", "bot#"}) {
      assertThatThrownBy(() -> new BotMqttBridge(withInstanceId(id), new RecordingBotCommands(),
          BridgeOptions.defaults()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("instance_id");
    }
  }
}
