package io.aviary.common.events;

import io.aviary.common.events.accounts.AccountCreated;
import io.aviary.common.events.accounts.AccountDeleted;
import io.aviary.common.events.accounts.CredentialAdded;
import io.aviary.common.events.accounts.CredentialRemoved;
import io.aviary.common.events.backtesting.BacktestCompleted;
import io.aviary.common.events.lifecycle.ServiceStarted;
import io.aviary.common.events.marketdata.CandleClosed;
import io.aviary.common.events.orchestration.BotArchived;
import io.aviary.common.events.orchestration.BotDeployed;
import io.aviary.common.events.orchestration.BotStopped;
import io.aviary.common.events.orchestration.BotPerformanceReported;
import io.aviary.common.events.orchestration.ControllerConfigDeleted;
import io.aviary.common.events.orchestration.ControllerConfigSaved;
import io.aviary.common.events.trading.BalancesUpdated;
import io.aviary.common.events.trading.ExecutorStarted;
import io.aviary.common.events.trading.ExecutorStopped;
import io.aviary.common.events.trading.ExecutorUpdated;
import io.aviary.common.events.trading.FundingPaymentRecorded;
import io.aviary.common.events.trading.OrderSubmitted;
import io.aviary.common.events.trading.OrderUpdated;
import io.aviary.common.events.trading.PositionUpdated;
import io.aviary.common.events.trading.TradeFilled;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One fixed sample of every event type, shared by the round-trip test and the golden-JSON test. The values
 * exercise what the wire format must keep: a decimal with trailing zeros, a zero, a negative, a null field,
 * an instant with milliseconds and one on a whole second.
 */
final class EventSamples {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00.250Z");
    static final Instant WHOLE_SECOND = Instant.parse("2026-11-23T12:01:00Z");

    private EventSamples() {
    }

    static List<DomainEvent> oneOfEachType() {
        return List.of(
                new AccountCreated("desk_a"),
                new AccountDeleted("desk_a"),
                new CredentialAdded("desk_a", "sim", List.of("sim_api_key", "sim_api_secret")),
                new CredentialRemoved("desk_a", "sim", CredentialRemoved.Reason.ACCOUNT_DELETED),
                new ServiceStarted("accounts-service", "i-1", "0.1.0"),
                new OrderSubmitted("desk_a", "sim", "c-1", "BTC-USDT", "BUY", "MARKET", new BigDecimal("0.015"),
                        null, "NIL", NOW),
                new OrderUpdated("desk_a", "sim", "c-1", "e-9", "BTC-USDT", "FAILED", BigDecimal.ZERO, BigDecimal.ZERO,
                        "insufficient balance", NOW),
                new TradeFilled("desk_a", "sim", "t-1", "c-1", "BTC-USDT", "BUY", new BigDecimal("60000.1"),
                        new BigDecimal("0.005"), new BigDecimal("0.30"), "USDT", true, "NIL", NOW),
                new PositionUpdated("desk_a", "sim_perpetual", "ETH-USDT", "SHORT", new BigDecimal("2"),
                        new BigDecimal("3000"), new BigDecimal("-12.5"), 5, WHOLE_SECOND),
                new FundingPaymentRecorded("desk_a", "sim_perpetual", "ETH-USDT", new BigDecimal("0.0001"),
                        new BigDecimal("-0.6"), "USDT", NOW),
                new BalancesUpdated("desk_a", "sim", List.of(new BalancesUpdated.AssetBalance("USDT",
                        new BigDecimal("1000.5"), new BigDecimal("900"))), NOW),
                new CandleClosed("sim", "BTC-USDT", "1m", WHOLE_SECOND, new BigDecimal("1"), new BigDecimal("2"),
                        new BigDecimal("0.5"), new BigDecimal("1.5"), new BigDecimal("10"), new BigDecimal("15"), 42),
                new ControllerConfigSaved("pmm_btc", "pmm_simple", "market_making"),
                new ControllerConfigDeleted("pmm_btc"),
                new BacktestCompleted("0f3c9a1e-5b7d-4c2a-9e8f-1a2b3c4d5e6f", "bollinger_v1", "sim", "BTC-USDT",
                        WHOLE_SECOND, WHOLE_SECOND.plusSeconds(86_340), 1440, 12, new BigDecimal("-3.25"), NOW),
                new BotArchived("pmm_bot-20261123-120000", "bots/archived/pmm_bot-20261123-120000", null, NOW),
                new BotDeployed("pmm_bot-20261123-120000", "master_account", "controller", "v2_with_controllers",
                        "pmm_bot-20261123-120000.yml", "process", NOW),
                new BotStopped("pmm_bot-20261123-120000", true, NOW),
                new BotPerformanceReported("pmm_bot-20261123-120000", "pmm_btc_1", "running", new BigDecimal("1.2345"),
                        new BigDecimal("-0.05"), new BigDecimal("1.1845"), new BigDecimal("0.9408"),
                        new BigDecimal("125.9"), NOW),
                new ExecutorStarted("desk_a", "sim", "ex-1", "position_executor", "BTC-USDT", "main", "BUY", NOW),
                new ExecutorUpdated("desk_a", "sim", "ex-1", "BTC-USDT", "RUNNING", true, new BigDecimal("1.5"),
                        new BigDecimal("0.015"), new BigDecimal("0.1"), new BigDecimal("100"), NOW),
                new ExecutorStopped("desk_a", "sim", "ex-1", "BTC-USDT", "main", "TAKE_PROFIT", new BigDecimal("2"),
                        new BigDecimal("0.02"), new BigDecimal("0.2"), new BigDecimal("200"), NOW));
    }
}
