package io.aviary.bot.app;

import io.aviary.bot.instance.InstanceFolder;
import io.aviary.bot.instance.InvalidInstanceException;
import io.aviary.bot.mqtt.BotCommands;
import io.aviary.bot.mqtt.CommandRequest.BalanceLimitRequest;
import io.aviary.bot.mqtt.CommandRequest.BalancePaperRequest;
import io.aviary.bot.mqtt.CommandRequest.ConfigRequest;
import io.aviary.bot.mqtt.CommandRequest.HistoryRequest;
import io.aviary.bot.mqtt.CommandRequest.ImportRequest;
import io.aviary.bot.mqtt.CommandRequest.StartRequest;
import io.aviary.bot.mqtt.CommandRequest.StatusRequest;
import io.aviary.bot.mqtt.CommandRequest.StopRequest;
import io.aviary.bot.mqtt.CommandResponse.BalanceResponse;
import io.aviary.bot.mqtt.CommandResponse.ConfigResponse;
import io.aviary.bot.mqtt.CommandResponse.HistoryResponse;
import io.aviary.bot.mqtt.CommandResponse.ImportResponse;
import io.aviary.bot.mqtt.CommandResponse.StartResponse;
import io.aviary.bot.mqtt.CommandResponse.StatusResponse;
import io.aviary.bot.mqtt.CommandResponse.StopResponse;
import io.aviary.bot.mqtt.ConfigParam;
import io.aviary.bot.runtime.BotRuntime;
import io.aviary.connectors.paper.PaperLedger;
import io.aviary.strategy.script.V2WithControllersConfig;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Hummingbot RPC commands on a {@link BotProcess}. Unlike Hummingbot v2.7+, whose start, status and config
 * handlers fail on a missing attribute (internals §1.4), each answers what it did; what the bot cannot do is a 400
 * saying so.
 */
final class BotCommandHandler implements BotCommands {
  private static final BigDecimal MS_PER_DAY = BigDecimal.valueOf(86_400_000L);

  private final BotProcess bot;

  BotCommandHandler(BotProcess bot) {
    this.bot = bot;
  }

  @Override
  public StartResponse start(StartRequest request) {
    if (bot.instance() == null) {
      return StartResponse.error("The bot's instance folder is not loaded");
    }
    // Hummingbot's `script` is the program (v2_with_controllers.py, the only one Aviary's bot runs) and `conf` its
    // config file in conf/scripts/; a conf is imported first, like Hummingbot's `start --script x --conf y`
    String script = request.script();
    if (script != null && !script.isBlank() && !script.replaceFirst("\\.py$", "").equals(V2WithControllersConfig.NAME)) {
      return StartResponse.error("Aviary's bot runs " + V2WithControllersConfig.SCRIPT_FILE_NAME + " only, not "
          + (script.length() > 60 ? script.substring(0, 60) + "…" : script));
    }
    if (request.conf() != null && !request.conf().isBlank()) {
      try {
        bot.importScriptConfig(request.conf());
      } catch (InvalidInstanceException | IllegalStateException e) {
        return StartResponse.error(e.getMessage());
      }
    }
    return bot.startStrategy() ? StartResponse.ok("The bot was started")
        : StartResponse.error("The bot is already running - please stop it first");
  }

  @Override
  public StopResponse stop(StopRequest request) {
    return bot.stopStrategy(request.skipOrderCancellation()) ? StopResponse.ok("The bot was stopped")
        : StopResponse.error("No strategy is currently running");
  }

  @Override
  public StatusResponse status(StatusRequest request) {
    BotRuntime runtime = bot.runtime();
    if (runtime == null) {
      return StatusResponse.error("No strategy is currently running");
    }
    return StatusResponse.ok(runtime.status());
  }

  @Override
  public HistoryResponse history(HistoryRequest request) {
    if (bot.instance() == null) {
      return HistoryResponse.error("The bot's instance folder is not loaded");
    }
    BigDecimal days = request.days() == null ? BigDecimal.ZERO : request.days();
    long since = days.signum() > 0 ? System.currentTimeMillis() - days.multiply(MS_PER_DAY).longValue() : 0;
    return HistoryResponse.ok(bot.history(since));
  }

  /**
   * Shows the client and script config. Hummingbot applies {@code [key, value]} pairs to keys its strategy declares
   * updatable; Aviary's controller configs are changed in their files (the API's {@code /controllers/bots/...}) and
   * nothing is changeable over MQTT, so any key is refused by name.
   */
  @Override
  public ConfigResponse config(ConfigRequest request) {
    if (bot.instance() == null) {
      return ConfigResponse.error("The bot's instance folder is not loaded");
    }
    List<ConfigParam> params = request.params();
    if (!params.isEmpty()) {
      String keys = params.stream().map(ConfigParam::key).limit(10).collect(Collectors.joining(", "));
      return ConfigResponse.error("Invalid param key(s): " + keys + " (no key is configurable over MQTT; edit the "
          + "controller config files instead)");
    }
    return ConfigResponse.ok(List.of(), bot.currentConfig());
  }

  @Override
  public ImportResponse importStrategy(ImportRequest request) {
    try {
      bot.importScriptConfig(request.strategy());
      return ImportResponse.ok("Configuration " + request.strategy() + " loaded; send start to run it");
    } catch (InvalidInstanceException | IllegalStateException e) {
      return ImportResponse.error(e.getMessage());
    }
  }

  /**
   * Hummingbot's {@code balance limit}: at most {@code amount} of {@code asset} committed by the bot's open orders on
   * {@code exchange} ({@link io.aviary.bot.runtime.BalanceLimits}); a negative amount removes the limit.
   */
  @Override
  public BalanceResponse balanceLimit(BalanceLimitRequest request) {
    if (bot.instance() != null && bot.instance().controllers().stream()
        .noneMatch(c -> c.config().connectorName().equalsIgnoreCase(request.exchange()))) {
      return BalanceResponse.error("The bot does not trade on " + bounded(request.exchange()));
    }
    boolean set = bot.balanceLimits().set(request.exchange(), request.asset(), request.amount());
    return BalanceResponse.ok(set
        ? "Limit for " + bounded(request.asset()) + " on " + bounded(request.exchange()) + " exchange set to "
            + request.amount().toPlainString()
        : "Limit for " + bounded(request.asset()) + " on " + bounded(request.exchange()) + " exchange removed");
  }

  /**
   * Hummingbot's {@code balance paper}: {@code asset} (upper-cased, as Hummingbot does) set to {@code amount} on the
   * bot's paper accounts, stored in its paper ledger, so the running paper sessions trade with it at once and it
   * stays across restarts (Hummingbot writes it to conf_client.yml, which its paper exchanges read at the next start).
   */
  @Override
  public BalanceResponse balancePaper(BalancePaperRequest request) {
    if (bot.instance() == null) {
      return BalanceResponse.error("The bot's instance folder is not loaded");
    }
    String asset = request.asset().strip().toUpperCase(java.util.Locale.ROOT);
    if (!InstanceFolder.PAPER_ASSET.matcher(asset).matches()) {
      return BalanceResponse.error("Invalid asset " + bounded(asset) + ": 1 to 40 letters, digits, '.', '_' or '-'");
    }
    if (request.amount().signum() < 0) {
      return BalanceResponse.error("Invalid amount " + request.amount().toPlainString() + ": a paper balance is at least 0");
    }
    try {
      bot.setPaperBalance(asset, request.amount());
    } catch (PaperLedger.InsufficientBalance e) {
      return BalanceResponse.error(e.getMessage());
    } catch (PaperLedger.Unavailable e) {
      return BalanceResponse.error("The paper ledger is unavailable: " + e.getMessage());
    }
    return BalanceResponse.ok("Paper balance for " + asset + " token set to " + request.amount().toPlainString());
  }

  private static String bounded(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
