package io.aviary.bot.mqtt;

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

/**
 * What the bot does for each Hummingbot RPC command ({@code P/start}, {@code P/stop}, ...). Called on the bridge's
 * command pool (never on the MQTT callback thread), at most {@code BridgeOptions.commandTimeout} per call; a
 * response with status 400 or a thrown exception becomes a 400 reply (the exception's message, bounded).
 */
public interface BotCommands {

  StartResponse start(StartRequest request);

  StopResponse stop(StopRequest request);

  StatusResponse status(StatusRequest request);

  HistoryResponse history(HistoryRequest request);

  ConfigResponse config(ConfigRequest request);

  /** {@code P/import} ({@code import} is a Java keyword). */
  ImportResponse importStrategy(ImportRequest request);

  BalanceResponse balanceLimit(BalanceLimitRequest request);

  BalanceResponse balancePaper(BalancePaperRequest request);
}
