package io.aviary.simexchange.domain.account;

import io.aviary.simexchange.domain.event.AccountSettings;
import io.aviary.simexchange.domain.event.BalanceSnapshot;
import io.aviary.simexchange.domain.event.FundingPayment;
import io.aviary.simexchange.domain.event.Liquidation;
import io.aviary.simexchange.domain.model.PositionMode;
import io.aviary.simexchange.domain.model.PositionSide;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One perpetual account: a collateral wallet, isolated positions, per-market leverage, the
 * position mode, and reservations. available = wallet − order reservations − position margins.
 */
public final class PerpAccount {

    static final int MAX_HISTORY = 10_000;

    private final long id;
    private final int defaultLeverage;
    private BigDecimal wallet;
    private BigDecimal orderLocked = BigDecimal.ZERO;
    private PositionMode mode = PositionMode.ONEWAY;
    private final Map<String, Integer> leverage = new TreeMap<>();
    private final Map<String, EnumMap<PositionSide, PerpPosition>> positions = new TreeMap<>();
    private final Map<String, EnumMap<PositionSide, BigDecimal>> pendingClose = new HashMap<>();
    private final ArrayDeque<FundingPayment> funding = new ArrayDeque<>();
    private final ArrayDeque<Liquidation> liquidations = new ArrayDeque<>();

    public PerpAccount(long id, BigDecimal wallet, int defaultLeverage) {
        this.id = id;
        this.wallet = wallet;
        this.defaultLeverage = defaultLeverage;
    }

    public long id() {
        return id;
    }

    public BigDecimal wallet() {
        return wallet;
    }

    public void addToWallet(BigDecimal delta) {
        wallet = wallet.add(delta);
    }

    public void setWallet(BigDecimal wallet) {
        this.wallet = wallet;
    }

    public BigDecimal orderLocked() {
        return orderLocked;
    }

    public void addOrderLocked(BigDecimal delta) {
        orderLocked = orderLocked.add(delta);
    }

    public BigDecimal positionMargin() {
        BigDecimal sum = BigDecimal.ZERO;
        for (PerpPosition p : allPositions()) {
            sum = sum.add(p.margin());
        }
        return sum;
    }

    public BigDecimal available() {
        return wallet.subtract(orderLocked).subtract(positionMargin());
    }

    public BalanceSnapshot balance(String asset) {
        return new BalanceSnapshot(asset, wallet, orderLocked.add(positionMargin()));
    }

    public PositionMode mode() {
        return mode;
    }

    public void setMode(PositionMode mode) {
        this.mode = mode;
    }

    public int leverage(String symbol) {
        return leverage.getOrDefault(symbol, defaultLeverage);
    }

    public void setLeverage(String symbol, int value) {
        leverage.put(symbol, value);
    }

    public AccountSettings settings() {
        return new AccountSettings(mode, leverage);
    }

    public PerpPosition position(String symbol, PositionSide side) {
        EnumMap<PositionSide, PerpPosition> bySide = positions.get(symbol);
        return bySide == null ? null : bySide.get(side);
    }

    public PerpPosition positionOrNew(String symbol, PositionSide side) {
        return positions.computeIfAbsent(symbol, s -> new EnumMap<>(PositionSide.class))
                .computeIfAbsent(side, s -> new PerpPosition(symbol, s));
    }

    public void dropIfClosed(String symbol, PositionSide side) {
        EnumMap<PositionSide, PerpPosition> bySide = positions.get(symbol);
        if (bySide != null && bySide.containsKey(side) && !bySide.get(side).isOpen()) {
            bySide.remove(side);
            if (bySide.isEmpty()) {
                positions.remove(symbol);
            }
        }
    }

    public void putPosition(PerpPosition position) {
        positions.computeIfAbsent(position.symbol(), s -> new EnumMap<>(PositionSide.class))
                .put(position.side(), position);
    }

    public List<PerpPosition> positions(String symbol) {
        EnumMap<PositionSide, PerpPosition> bySide = positions.get(symbol);
        return bySide == null ? List.of() : new ArrayList<>(bySide.values());
    }

    public List<PerpPosition> allPositions() {
        List<PerpPosition> out = new ArrayList<>();
        positions.values().forEach(m -> out.addAll(m.values()));
        return out;
    }

    public boolean hasOpenPositions() {
        return allPositions().stream().anyMatch(PerpPosition::isOpen);
    }

    public BigDecimal pendingClose(String symbol, PositionSide side) {
        EnumMap<PositionSide, BigDecimal> bySide = pendingClose.get(symbol);
        return bySide == null ? BigDecimal.ZERO : bySide.getOrDefault(side, BigDecimal.ZERO);
    }

    public void addPendingClose(String symbol, PositionSide side, BigDecimal delta) {
        pendingClose.computeIfAbsent(symbol, s -> new EnumMap<>(PositionSide.class))
                .merge(side, delta, BigDecimal::add);
    }

    public void recordFunding(FundingPayment payment) {
        funding.addLast(payment);
        if (funding.size() > MAX_HISTORY) {
            funding.removeFirst();
        }
    }

    public List<FundingPayment> funding() {
        return new ArrayList<>(funding);
    }

    public void recordLiquidation(Liquidation liquidation) {
        liquidations.addLast(liquidation);
        if (liquidations.size() > MAX_HISTORY) {
            liquidations.removeFirst();
        }
    }

    public List<Liquidation> liquidations() {
        return new ArrayList<>(liquidations);
    }
}
