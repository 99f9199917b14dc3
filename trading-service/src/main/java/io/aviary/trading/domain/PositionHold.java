package io.aviary.trading.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.List;

/**
 * What executors stopped with {@code keep_position=true} left on one (account, connector, pair, controller): bought
 * and sold amounts kept apart (Hummingbot's {@code PositionHold}), so breakeven prices and the realized PnL of the
 * matched part follow from them.
 */
public record PositionHold(String accountName, String connectorName, String tradingPair, String controllerId,
        BigDecimal buyAmountBase, BigDecimal buyAmountQuote, BigDecimal sellAmountBase, BigDecimal sellAmountQuote,
        BigDecimal realizedPnlQuote, BigDecimal cumFeesQuote, List<String> executorIds, Instant lastUpdated) {

    private static final MathContext DIV = MathContext.DECIMAL64;

    public BigDecimal netAmountBase() {
        return buyAmountBase.subtract(sellAmountBase);
    }

    public BigDecimal buyBreakevenPrice() {
        return buyAmountBase.signum() > 0 ? buyAmountQuote.divide(buyAmountBase, DIV) : null;
    }

    public BigDecimal sellBreakevenPrice() {
        return sellAmountBase.signum() > 0 ? sellAmountQuote.divide(sellAmountBase, DIV) : null;
    }

    public BigDecimal matchedAmountBase() {
        return buyAmountBase.min(sellAmountBase);
    }

    public String positionSide() {
        int sign = netAmountBase().signum();
        return sign > 0 ? "LONG" : sign < 0 ? "SHORT" : "FLAT";
    }

    /** The unmatched amount marked at {@code price}, before fees; null without a price. */
    public BigDecimal unrealizedPnl(BigDecimal price) {
        if (price == null) {
            return null;
        }
        BigDecimal net = netAmountBase();
        if (net.signum() > 0) {
            return net.multiply(price.subtract(buyBreakevenPrice()));
        }
        if (net.signum() < 0) {
            return net.abs().multiply(sellBreakevenPrice().subtract(price));
        }
        return BigDecimal.ZERO;
    }

    /**
     * This hold with one more executor's fills added: the newly matched amount realizes {@code matched · (avg sell
     * − avg buy)} and leaves both sides (Hummingbot's settlement), so only the unmatched part stays.
     */
    public PositionHold plus(BigDecimal buyBase, BigDecimal buyQuote, BigDecimal sellBase, BigDecimal sellQuote,
            BigDecimal fees, String executorId, Instant now) {
        BigDecimal bBase = buyAmountBase.add(buyBase);
        BigDecimal bQuote = buyAmountQuote.add(buyQuote);
        BigDecimal sBase = sellAmountBase.add(sellBase);
        BigDecimal sQuote = sellAmountQuote.add(sellQuote);
        BigDecimal realized = realizedPnlQuote;
        BigDecimal matched = bBase.min(sBase);
        if (matched.signum() > 0) {
            BigDecimal avgBuy = bQuote.divide(bBase, DIV);
            BigDecimal avgSell = sQuote.divide(sBase, DIV);
            realized = realized.add(matched.multiply(avgSell.subtract(avgBuy)));
            bBase = bBase.subtract(matched);
            bQuote = bQuote.subtract(matched.multiply(avgBuy));
            sBase = sBase.subtract(matched);
            sQuote = sQuote.subtract(matched.multiply(avgSell));
        }
        List<String> ids = executorIds.contains(executorId) ? executorIds
                : java.util.stream.Stream.concat(executorIds.stream(), java.util.stream.Stream.of(executorId)).toList();
        return new PositionHold(accountName, connectorName, tradingPair, controllerId, bBase, bQuote, sBase, sQuote,
                realized, cumFeesQuote.add(fees), ids, now);
    }

    public static PositionHold empty(String accountName, String connectorName, String tradingPair, String controllerId,
            Instant now) {
        return new PositionHold(accountName, connectorName, tradingPair, controllerId, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, List.of(), now);
    }
}
