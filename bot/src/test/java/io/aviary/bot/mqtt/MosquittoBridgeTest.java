package io.aviary.bot.mqtt;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

/** The bridge contract against Debian's Mosquitto, run as a child process. */
class MosquittoBridgeTest extends BridgeContract {

  @Override
  TestBroker newBroker(Path dir) throws Exception {
    Path binary = MosquittoTestBroker.findBinary();
    assumeTrue(binary != null, "mosquitto is not installed (apt-get install -y mosquitto); skipping the Mosquitto run");
    return new MosquittoTestBroker(binary, dir.resolve("mosquitto.log"), TestBroker.freePort());
  }
}
