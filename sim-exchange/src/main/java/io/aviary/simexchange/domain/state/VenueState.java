package io.aviary.simexchange.domain.state;

import io.aviary.simexchange.domain.event.AccountSettings;
import io.aviary.simexchange.domain.event.Fill;
import io.aviary.simexchange.domain.event.FundingPayment;
import io.aviary.simexchange.domain.event.Liquidation;
import io.aviary.simexchange.domain.event.OrderSnapshot;
import io.aviary.simexchange.domain.event.PositionSnapshot;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The durable state of the venue: what a restart must not forget. Simulated books are absent on
 * purpose — they regenerate from the seed. Reservations (locked funds, margins of orders) are not
 * stored either: they are recomputed from the open orders on restore.
 */
public record VenueState(long lastSequence, List<ApiKeyRecord> apiKeys, List<SpotAccountState> spotAccounts,
        List<PerpAccountState> perpAccounts) {

    public static final VenueState EMPTY = new VenueState(0, List.of(), List.of(), List.of());

    /** Balances are totals per asset. */
    public record SpotAccountState(long accountId, Map<String, BigDecimal> balances, List<OrderSnapshot> orders,
            List<Fill> fills) {
    }

    public record PerpAccountState(long accountId, BigDecimal wallet, AccountSettings settings,
            List<PositionSnapshot> positions, List<OrderSnapshot> orders, List<Fill> fills,
            List<FundingPayment> funding, List<Liquidation> liquidations) {
    }
}
