package io.aviary.orchestration.api;

import io.aviary.bot.events.HistoryTrade;
import io.aviary.bot.events.MqttSettings;
import io.aviary.bot.mqtt.BotCommands;
import io.aviary.bot.mqtt.BotMqttBridge;
import io.aviary.bot.mqtt.BridgeOptions;
import io.aviary.bot.mqtt.CommandRequest;
import io.aviary.bot.mqtt.CommandResponse;
import io.aviary.bot.mqtt.ControllerReport;
import io.aviary.bot.runtime.PerformanceReport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The real bot's MQTT bridge with stub commands: the bot on the other side of orchestration's MQTT client. */
final class FakeBot implements BotCommands, AutoCloseable {

    final List<CommandRequest> requests = new CopyOnWriteArrayList<>();
    final BotMqttBridge bridge;
    volatile boolean answers = true;

    FakeBot(String name, int brokerPort) {
        bridge = new BotMqttBridge(new MqttSettings(name, "127.0.0.1", brokerPort, null, null, "hbot", false, true, true,
                true, true), this, BridgeOptions.defaults().withHeartbeatInterval(Duration.ofSeconds(1))
                .withMaxReconnectDelay(Duration.ofSeconds(1)));
        bridge.start();
        try {
            if (!bridge.awaitConnected(Duration.ofSeconds(30))) {
                throw new IllegalStateException("the bot's bridge did not connect");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void reportPnl(String controllerId, String realizedPnl) {
        double pnl = Double.parseDouble(realizedPnl);
        bridge.publishPerformance(Map.of(controllerId, new ControllerReport(new PerformanceReport(controllerId, pnl,
                0, 1, 0, pnl, 1, 125.9, List.of(), Map.of()), Map.of("level", 1))));
    }

    private void slow() {
        if (!answers) {
            try {
                Thread.sleep(60_000); // a bot that hangs: the caller's timeout must end the wait, not this
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public CommandResponse.StartResponse start(CommandRequest.StartRequest request) {
        requests.add(request);
        return CommandResponse.StartResponse.error("Strategy already running");
    }

    @Override
    public CommandResponse.StopResponse stop(CommandRequest.StopRequest request) {
        requests.add(request);
        slow();
        return CommandResponse.StopResponse.ok("");
    }

    @Override
    public CommandResponse.StatusResponse status(CommandRequest.StatusRequest request) {
        requests.add(request);
        return CommandResponse.StatusResponse.ok("running");
    }

    @Override
    public CommandResponse.HistoryResponse history(CommandRequest.HistoryRequest request) {
        requests.add(request);
        slow();
        return CommandResponse.HistoryResponse.ok(List.of(new HistoryTrade("sim", "t-1", "94012.1", "0.001",
                "BTC-USDT", 1_735_733_000_000L, "BUY", "BTC", "USDT", Map.of("fee_type", "AddedToCost"))));
    }

    @Override
    public CommandResponse.ConfigResponse config(CommandRequest.ConfigRequest request) {
        requests.add(request);
        return CommandResponse.ConfigResponse.ok(List.of(), Map.of());
    }

    @Override
    public CommandResponse.ImportResponse importStrategy(CommandRequest.ImportRequest request) {
        requests.add(request);
        return CommandResponse.ImportResponse.ok("");
    }

    @Override
    public CommandResponse.BalanceResponse balanceLimit(CommandRequest.BalanceLimitRequest request) {
        return CommandResponse.BalanceResponse.error("not here");
    }

    @Override
    public CommandResponse.BalanceResponse balancePaper(CommandRequest.BalancePaperRequest request) {
        return CommandResponse.BalanceResponse.error("not here");
    }

    @Override
    public void close() {
        bridge.close();
    }
}
