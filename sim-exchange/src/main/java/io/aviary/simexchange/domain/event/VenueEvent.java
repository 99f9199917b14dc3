package io.aviary.simexchange.domain.event;

import io.aviary.simexchange.domain.model.VenueKind;
import java.util.List;

/**
 * Everything the venue tells the outside world. {@link Private} events belong to one account: they
 * are journaled (they are the durable state) and pushed on that account's private channel.
 * {@link Public} events feed the market channels and are not persisted (simulated books regenerate).
 */
public sealed interface VenueEvent {

    VenueKind venue();

    sealed interface Private extends VenueEvent {
        long accountId();
    }

    sealed interface Public extends VenueEvent {
        String symbol();
    }

    record AccountOpened(VenueKind venue, long accountId, List<BalanceSnapshot> balances, long timestamp)
            implements Private {
        public AccountOpened {
            balances = List.copyOf(balances);
        }
    }

    record OrderChanged(VenueKind venue, long accountId, OrderSnapshot order) implements Private {
    }

    record Filled(VenueKind venue, long accountId, Fill fill) implements Private {
    }

    record BalanceChanged(VenueKind venue, long accountId, BalanceSnapshot balance) implements Private {
    }

    record PositionChanged(VenueKind venue, long accountId, PositionSnapshot position) implements Private {
    }

    record FundingPaid(VenueKind venue, long accountId, FundingPayment payment) implements Private {
    }

    record Liquidated(VenueKind venue, long accountId, Liquidation liquidation) implements Private {
    }

    record SettingsChanged(VenueKind venue, long accountId, AccountSettings settings) implements Private {
    }

    record BookChanged(VenueKind venue, BookDiff diff) implements Public {
        @Override
        public String symbol() {
            return diff.symbol();
        }
    }

    record TradePrinted(VenueKind venue, PublicTrade trade) implements Public {
        @Override
        public String symbol() {
            return trade.symbol();
        }
    }
}
