package io.aviary.bot.mqtt;

import io.aviary.bot.events.TradeFee;
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
import io.aviary.bot.events.HistoryTrade;
import io.aviary.bot.mqtt.CommandResponse.ImportResponse;
import io.aviary.bot.mqtt.CommandResponse.StartResponse;
import io.aviary.bot.mqtt.CommandResponse.StatusResponse;
import io.aviary.bot.mqtt.CommandResponse.StopResponse;
import io.aviary.connectors.model.TradeType;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The bot side of the tests: records each request and answers with fixed, recognisable responses. */
final class RecordingBotCommands implements BotCommands {

  static final HistoryTrade TRADE = new HistoryTrade("binance_perpetual", "5061553212", "94012.1", "0.001",
      "BTC-USDT", 1735733000000L, "BUY", "BTC", "USDT", feeJson());

  private static Map<String, Object> feeJson() {
    Map<String, Object> fee = new java.util.LinkedHashMap<>();
    fee.put("fee_type", "AddedToCost");
    fee.put("percent", "0.0002");
    fee.put("percent_token", "USDT");
    fee.put("flat_fees", List.of());
    return fee;
  }

  final List<CommandRequest> requests = new CopyOnWriteArrayList<>();
  volatile RuntimeException failStopWith;
  volatile CountDownLatch blockStop;

  @Override
  public StartResponse start(StartRequest request) {
    requests.add(request);
    return StartResponse.ok("");
  }

  @Override
  public StopResponse stop(StopRequest request) {
    requests.add(request);
    CountDownLatch block = blockStop;
    if (block != null) {
      try {
        block.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (failStopWith != null) {
      throw failStopWith;
    }
    return StopResponse.ok("");
  }

  @Override
  public StatusResponse status(StatusRequest request) {
    requests.add(request);
    return StatusResponse.ok("pmm_btc_1: running, 2 active executors");
  }

  @Override
  public HistoryResponse history(HistoryRequest request) {
    requests.add(request);
    return HistoryResponse.ok(List.of(TRADE));
  }

  @Override
  public ConfigResponse config(ConfigRequest request) {
    requests.add(request);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("client", Map.of("instance_id", "bot1"));
    config.put("strategy", Map.of("max_global_drawdown_quote", 100.0));
    return ConfigResponse.ok(request.params(), config);
  }

  @Override
  public ImportResponse importStrategy(ImportRequest request) {
    requests.add(request);
    return ImportResponse.ok("");
  }

  @Override
  public BalanceResponse balanceLimit(BalanceLimitRequest request) {
    requests.add(request);
    return BalanceResponse.ok("");
  }

  @Override
  public BalanceResponse balancePaper(BalancePaperRequest request) {
    requests.add(request);
    return BalanceResponse.ok("");
  }

  <T extends CommandRequest> T last(Class<T> type) {
    for (int i = requests.size() - 1; i >= 0; i--) {
      if (type.isInstance(requests.get(i))) {
        return type.cast(requests.get(i));
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " received");
  }
}
