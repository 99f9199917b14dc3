package io.aviary.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.common.events.accounts.AccountCreated;
import io.aviary.common.events.accounts.AccountDeleted;
import io.aviary.common.events.accounts.CredentialAdded;
import io.aviary.common.events.accounts.CredentialRemoved;
import io.aviary.common.events.lifecycle.ServiceStarted;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import io.aviary.common.events.marketdata.CandleClosed;
import io.aviary.common.events.trading.BalancesUpdated;
import io.aviary.common.events.trading.FundingPaymentRecorded;
import io.aviary.common.events.trading.OrderSubmitted;
import io.aviary.common.events.trading.OrderUpdated;
import io.aviary.common.events.trading.PositionUpdated;
import io.aviary.common.events.trading.TradeFilled;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class EventJsonRoundTripTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00.250Z");
    private final EventJson json = new EventJson(Clock.fixed(NOW, ZoneOffset.UTC));

    static List<DomainEvent> oneOfEachType() {
        return List.of(
                new AccountCreated("desk_a"),
                new AccountDeleted("desk_a"),
                new CredentialAdded("desk_a", "sim", List.of("sim_api_key", "sim_api_secret")),
                new CredentialRemoved("desk_a", "sim", CredentialRemoved.Reason.ACCOUNT_DELETED),
                new ServiceStarted("accounts-service", "i-1", "0.1.0"),
                new OrderSubmitted("desk_a", "sim", "c-1", "BTC-USDT", "BUY", "LIMIT", new BigDecimal("0.015"),
                        new BigDecimal("60000.10"), "NIL", NOW),
                new OrderUpdated("desk_a", "sim", "c-1", "e-9", "BTC-USDT", "FAILED", BigDecimal.ZERO, BigDecimal.ZERO,
                        "insufficient balance", NOW),
                new TradeFilled("desk_a", "sim", "t-1", "c-1", "BTC-USDT", "BUY", new BigDecimal("60000.1"),
                        new BigDecimal("0.005"), new BigDecimal("0.30"), "USDT", true, "NIL", NOW),
                new PositionUpdated("desk_a", "sim_perpetual", "ETH-USDT", "SHORT", new BigDecimal("2"),
                        new BigDecimal("3000"), new BigDecimal("-12.5"), 5, NOW),
                new FundingPaymentRecorded("desk_a", "sim_perpetual", "ETH-USDT", new BigDecimal("0.0001"),
                        new BigDecimal("-0.6"), "USDT", NOW),
                new BalancesUpdated("desk_a", "sim", List.of(new BalancesUpdated.AssetBalance("USDT",
                        new BigDecimal("1000.5"), new BigDecimal("900"))), NOW),
                new CandleClosed("sim", "BTC-USDT", "1m", NOW, new BigDecimal("1"), new BigDecimal("2"),
                        new BigDecimal("0.5"), new BigDecimal("1.5"), new BigDecimal("10"), new BigDecimal("15"), 42));
    }

    @Test
    void everyRegisteredTypeIsCoveredHere() {
        assertThat(oneOfEachType()).extracting(e -> e.getClass().getSimpleName())
                .containsExactlyInAnyOrderElementsOf(EventCatalog.all().stream().map(EventType::name).toList());
    }

    @ParameterizedTest
    @MethodSource("oneOfEachType")
    void envelopeSurvivesTheWire(DomainEvent event) {
        EventEnvelope sent = json.envelope(event, "test-source");
        String wire = json.write(sent);
        EventEnvelope received = json.read(wire);

        assertThat(received).isEqualTo(sent);
        assertThat(json.payload(received)).contains(event);
        assertThat(received.key()).isEqualTo(event.aggregateKey());
        assertThat(wire).contains("\"occurredAt\":\"2026-11-23T12:00:00.250Z\"")
                .contains("\"type\":\"" + event.getClass().getSimpleName() + "\"");
    }

    @Test
    void bindingToTheWrongRecordIsRefused() {
        EventEnvelope created = json.envelope(new AccountCreated("a"), "s");
        assertThatThrownBy(() -> json.payload(created, AccountDeleted.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("carries AccountCreated");
    }

    @Test
    void anUnknownTypeIsPassedOverNotFailed() {
        EventEnvelope foreign = new EventEnvelope(java.util.UUID.randomUUID(), "SomethingNewer", 1, NOW, "x", "k",
                json.mapper().createObjectNode());
        assertThat(json.payload(json.read(json.write(foreign)))).isEmpty();
    }
}
