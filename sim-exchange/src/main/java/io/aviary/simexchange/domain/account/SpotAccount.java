package io.aviary.simexchange.domain.account;

import io.aviary.simexchange.domain.event.BalanceSnapshot;
import io.aviary.simexchange.domain.model.RejectCode;
import io.aviary.simexchange.domain.model.VenueRejection;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Asset balances of one spot account. available = total − locked, never negative. */
public final class SpotAccount {

    private final long id;
    private final Map<String, Holding> holdings = new TreeMap<>();

    public SpotAccount(long id, Map<String, BigDecimal> balances) {
        this.id = id;
        balances.forEach((asset, total) -> holdings.put(asset, new Holding(total, BigDecimal.ZERO)));
    }

    public long id() {
        return id;
    }

    public BalanceSnapshot balance(String asset) {
        Holding h = holdings.get(asset);
        return h == null ? new BalanceSnapshot(asset, BigDecimal.ZERO, BigDecimal.ZERO)
                : new BalanceSnapshot(asset, h.total, h.locked);
    }

    public List<BalanceSnapshot> balances() {
        return holdings.keySet().stream().map(this::balance).toList();
    }

    /** Reserves {@code amount} of {@code asset}; refuses when not available. */
    public void lock(String asset, BigDecimal amount) {
        Holding h = holding(asset);
        if (h.available().compareTo(amount) < 0) {
            throw new VenueRejection(RejectCode.INSUFFICIENT_BALANCE, "insufficient " + asset + " balance: need "
                    + amount.stripTrailingZeros().toPlainString() + ", available "
                    + h.available().stripTrailingZeros().toPlainString());
        }
        h.locked = h.locked.add(amount);
    }

    /** Re-establishes a reservation restored from the journal (it was checked when first made). */
    public void relock(String asset, BigDecimal amount) {
        Holding h = holding(asset);
        h.locked = h.locked.add(amount);
    }

    public void unlock(String asset, BigDecimal amount) {
        Holding h = holding(asset);
        h.locked = h.locked.subtract(amount);
    }

    /** Pays {@code amount} out of the asset, releasing {@code unlock} of its reservation. */
    public void debit(String asset, BigDecimal amount, BigDecimal unlock) {
        Holding h = holding(asset);
        h.total = h.total.subtract(amount);
        h.locked = h.locked.subtract(unlock);
    }

    public void credit(String asset, BigDecimal amount) {
        Holding h = holding(asset);
        h.total = h.total.add(amount);
    }

    private Holding holding(String asset) {
        return holdings.computeIfAbsent(asset, a -> new Holding(BigDecimal.ZERO, BigDecimal.ZERO));
    }
}
