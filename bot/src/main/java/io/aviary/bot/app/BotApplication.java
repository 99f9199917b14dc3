package io.aviary.bot.app;

import io.aviary.bot.events.MqttSettings;
import io.aviary.bot.instance.InstanceFolder;
import io.aviary.bot.instance.InvalidInstanceException;
import io.aviary.connectors.paper.PaperLedger;
import io.aviary.connectors.paper.PaperSettings;
import io.aviary.connectors.registry.ConnectorRegistry;
import io.aviary.connectors.registry.StandardConnectors;
import io.aviary.connectors.sim.SimConnectorFactory;
import io.aviary.connectors.venues.VenueSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar bot-exec.jar [instance folder]} (default: the working directory), with Hummingbot's environment
 * ({@code SCRIPT_CONFIG}, {@code CONFIG_PASSWORD}) plus {@code AVIARY_SIM_EXCHANGE_URL} for the {@code sim} venue.
 * Exit code 2: the instance folder is invalid (the reason is on stdout, the log and the bot's MQTT topics).
 * {@code connect <instance folder> <connector>} writes a connector's encrypted credentials ({@link ConnectCommand}).
 */
public final class BotApplication {
  private static final Logger log = LoggerFactory.getLogger(BotApplication.class);

  private BotApplication() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("connect")) {
      System.exit(ConnectCommand.run(args, System.getenv(),
          new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)),
          System.out, registry(System.getenv())));
    }
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    Map<String, String> env = System.getenv();
    MqttSettings mqtt;
    try {
      mqtt = InstanceFolder.mqttSettings(root);
    } catch (InvalidInstanceException e) {
      log.error("The bot cannot start: {}", e.getMessage());
      System.exit(BotProcess.EXIT_INVALID_INSTANCE);
      return;
    }
    BotProcess bot = new BotProcess(root, env, mqtt, (ledger, paper) -> registry(env, Optional.of(ledger), paper));
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("bot-shutdown").unstarted(bot::shutdown));
    int code = bot.run();
    if (code != BotProcess.EXIT_OK) {
      System.exit(code);
    }
  }

  /** The connectors {@code connect} knows (paper ones need no credentials, so no ledger either). */
  static ConnectorRegistry registry(Map<String, String> env) {
    return registry(env, Optional.empty(), PaperSettings.defaults());
  }

  /** The connectors a bot can trade on; paper sessions keep their accounts in {@code ledger}. */
  static ConnectorRegistry registry(Map<String, String> env, Optional<PaperLedger> ledger, PaperSettings paper) {
    URI sim = URI.create(env.getOrDefault("AVIARY_SIM_EXCHANGE_URL", SimConnectorFactory.DEFAULT_URL));
    return StandardConnectors.registry(sim, VenueSettings.defaults(), ledger, paper);
  }
}
