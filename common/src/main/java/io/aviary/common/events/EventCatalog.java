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
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every event type that may travel between services. Adding a type here is how it becomes part of
 * the contract; the compatibility test pins each registered type's fields.
 */
public final class EventCatalog {

    private static final Map<String, EventType> BY_NAME = new LinkedHashMap<>();
    private static final Map<Class<?>, EventType> BY_CLASS = new LinkedHashMap<>();

    static {
        register(AccountCreated.class, 1);
        register(AccountDeleted.class, 1);
        register(CredentialAdded.class, 1);
        register(CredentialRemoved.class, 1);
        register(ServiceStarted.class, 1);
        register(OrderSubmitted.class, 1);
        register(OrderUpdated.class, 1);
        register(TradeFilled.class, 1);
        register(PositionUpdated.class, 1);
        register(FundingPaymentRecorded.class, 1);
        register(BalancesUpdated.class, 1);
        register(CandleClosed.class, 1);
        register(ControllerConfigSaved.class, 1);
        register(ControllerConfigDeleted.class, 1);
        register(BacktestCompleted.class, 1);
        register(BotArchived.class, 1);
        register(BotDeployed.class, 1);
        register(BotStopped.class, 1);
        register(BotPerformanceReported.class, 1);
        register(ExecutorStarted.class, 1);
        register(ExecutorUpdated.class, 1);
        register(ExecutorStopped.class, 1);
    }

    private EventCatalog() {
    }

    private static void register(Class<? extends DomainEvent> payloadClass, int version) {
        EventType type = new EventType(payloadClass.getSimpleName(), version, payloadClass);
        BY_NAME.put(type.name(), type);
        BY_CLASS.put(payloadClass, type);
    }

    public static Optional<EventType> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static EventType of(Class<? extends DomainEvent> payloadClass) {
        EventType type = BY_CLASS.get(payloadClass);
        if (type == null) {
            throw new IllegalArgumentException(payloadClass.getName() + " is not registered in EventCatalog");
        }
        return type;
    }

    public static Collection<EventType> all() {
        return BY_NAME.values();
    }
}
