package io.aviary.simexchange.domain.exchange;

import io.aviary.simexchange.domain.account.SpotAccount;
import io.aviary.simexchange.domain.event.BalanceSnapshot;
import io.aviary.simexchange.domain.event.VenueEvent;
import io.aviary.simexchange.domain.model.MarketRules;
import io.aviary.simexchange.domain.model.Side;
import io.aviary.simexchange.domain.model.VenueKind;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Spot money: a buy reserves quote (limit price × amount, or the book sweep's cost for a market
 * buy), a sell reserves base. The fee is charged in the asset received: base on a buy, quote on a
 * sell.
 */
public final class SpotLedger implements Ledger {

    private record Key(long accountId, String asset) {
    }

    private final FeeSchedule fees;
    private final Map<Long, SpotAccount> accounts = new HashMap<>();
    private final Set<Key> dirty = new LinkedHashSet<>();

    public SpotLedger(FeeSchedule fees) {
        this.fees = fees;
    }

    @Override
    public VenueKind kind() {
        return VenueKind.SPOT;
    }

    public SpotAccount open(long accountId, Map<String, BigDecimal> balances) {
        SpotAccount account = new SpotAccount(accountId, balances);
        accounts.put(accountId, account);
        return account;
    }

    public SpotAccount account(long accountId) {
        return accounts.get(accountId);
    }

    public Collection<SpotAccount> accounts() {
        return accounts.values();
    }

    @Override
    public boolean hasAccount(long accountId) {
        return accounts.containsKey(accountId);
    }

    @Override
    public void reserve(Order order, Market market, Sweep sweep) {
        MarketRules r = market.rules();
        String asset = lockAsset(order);
        BigDecimal need;
        if (order.side == Side.SELL) {
            need = order.amount;
        } else {
            need = order.type.isLimit() ? order.price.multiply(order.amount) : sweep.notional();
        }
        accounts.get(order.accountId).lock(asset, need);
        order.locked = need;
        dirty.add(new Key(order.accountId, asset));
        dirty.add(new Key(order.accountId, order.side == Side.BUY ? r.base() : r.quote()));
    }

    @Override
    public Settlement settle(Order order, Market market, BigDecimal price, BigDecimal amount, boolean maker, long now) {
        MarketRules r = market.rules();
        SpotAccount account = accounts.get(order.accountId);
        BigDecimal rate = fees.rate(maker);
        BigDecimal quote = price.multiply(amount);
        BigDecimal fee;
        String feeAsset;
        if (order.side == Side.BUY) {
            BigDecimal unlock = order.type.isLimit() ? order.price.multiply(amount) : quote;
            unlock = unlock.min(order.locked);
            account.debit(r.quote(), quote, unlock);
            order.locked = order.locked.subtract(unlock);
            fee = amount.multiply(rate);
            feeAsset = r.base();
            account.credit(r.base(), amount.subtract(fee));
        } else {
            account.debit(r.base(), amount, amount);
            order.locked = order.locked.subtract(amount);
            fee = quote.multiply(rate);
            feeAsset = r.quote();
            account.credit(r.quote(), quote.subtract(fee));
        }
        dirty.add(new Key(order.accountId, r.base()));
        dirty.add(new Key(order.accountId, r.quote()));
        return new Settlement(fee, feeAsset, BigDecimal.ZERO);
    }

    @Override
    public void release(Order order) {
        if (order.locked.signum() != 0) {
            String asset = lockAsset(order);
            accounts.get(order.accountId).unlock(asset, order.locked);
            order.locked = BigDecimal.ZERO;
            dirty.add(new Key(order.accountId, asset));
        }
    }

    @Override
    public void restoreOrder(Order order) {
        accounts.get(order.accountId).relock(lockAsset(order), order.locked);
    }

    @Override
    public void flush(EventBuffer out, long now) {
        for (Key k : dirty) {
            BalanceSnapshot b = accounts.get(k.accountId()).balance(k.asset());
            out.add(new VenueEvent.BalanceChanged(VenueKind.SPOT, k.accountId(), b));
        }
        dirty.clear();
    }

    private static String lockAsset(Order order) {
        return order.side == Side.BUY ? order.rules.quote() : order.rules.base();
    }
}
