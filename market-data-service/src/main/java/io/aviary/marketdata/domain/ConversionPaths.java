package io.aviary.marketdata.domain;

import io.aviary.connectors.model.TradingPair;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rate of a pair from one venue's prices: the pair's own price, the inverse of its reverse pair's, or the
 * product of two legs through one intermediate asset (each leg direct or inverse), e.g. ETH-BTC from ETH-USDT and
 * BTC-USDT. The preferred intermediate (the oracle's global token) is tried first, then the others in name order, so
 * a rate never depends on map iteration order. One intermediate is enough for every venue Aviary supports (each
 * quotes its pairs in a handful of stable assets), and a longer chain would compound spreads silently.
 */
public final class ConversionPaths {

    /** 34 significant digits: the legs' own precision survives the division of an inverse. */
    private static final MathContext PRECISION = MathContext.DECIMAL128;

    private final Map<TradingPair, BigDecimal> prices;

    public ConversionPaths(Map<TradingPair, BigDecimal> prices) {
        this.prices = Map.copyOf(prices);
    }

    /** The rate of {@code pair} (how much quote one base is worth), or empty when no path up to two legs exists. */
    public Optional<BigDecimal> rate(TradingPair pair, String preferredIntermediate) {
        if (pair.base().equals(pair.quote())) {
            return Optional.of(BigDecimal.ONE);
        }
        Optional<BigDecimal> direct = leg(pair.base(), pair.quote());
        if (direct.isPresent()) {
            return direct;
        }
        for (String via : intermediates(pair, preferredIntermediate)) {
            Optional<BigDecimal> first = leg(pair.base(), via);
            Optional<BigDecimal> second = leg(via, pair.quote());
            if (first.isPresent() && second.isPresent()) {
                return Optional.of(first.get().multiply(second.get(), PRECISION));
            }
        }
        return Optional.empty();
    }

    /** One leg {@code from → to}: a listed price, or the inverse of the reverse pair's (a zero price is no price). */
    private Optional<BigDecimal> leg(String from, String to) {
        BigDecimal price = prices.get(new TradingPair(from, to));
        if (price != null && price.signum() > 0) {
            return Optional.of(price);
        }
        BigDecimal reverse = prices.get(new TradingPair(to, from));
        if (reverse != null && reverse.signum() > 0) {
            return Optional.of(BigDecimal.ONE.divide(reverse, PRECISION));
        }
        return Optional.empty();
    }

    private List<String> intermediates(TradingPair pair, String preferred) {
        Set<String> assets = new TreeSet<>();
        prices.keySet().forEach(p -> {
            assets.add(p.base());
            assets.add(p.quote());
        });
        assets.remove(pair.base());
        assets.remove(pair.quote());
        List<String> ordered = new ArrayList<>();
        if (preferred != null && assets.remove(preferred)) {
            ordered.add(preferred);
        }
        ordered.addAll(assets);
        return ordered;
    }
}
