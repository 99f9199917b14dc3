package io.aviary.bot.mqtt;

import java.nio.file.Path;

/** The bridge contract against embedded HiveMQ CE (the broker the Aviary launcher runs). */
class HiveMqBridgeTest extends BridgeContract {

  @Override
  TestBroker newBroker(Path dir) throws Exception {
    return new HiveMqTestBroker(dir, TestBroker.freePort());
  }
}
