package io.aviary.accounts.domain.portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How hummingbot-api values a balance (api-catalog §1.4): zero balances and banned tokens are
 * dropped; a token whose name contains "USD" is worth 1; any other token is worth the last price of
 * {@code <TOKEN>-<QUOTE>} on the same connector, with the quote per connector from a fixed table
 * (USDT otherwise) and Binance Earn's {@code LD} prefix removed (except for LDO, a token of its
 * own). A price the venue did not give is 0.
 */
public final class PricingRules {

    /** Decimal places of a computed value: those of hummingbot-api's NUMERIC(30,18) columns. */
    public static final int SCALE = 18;

    private static final Map<String, String> QUOTES = Map.of(
            "hyperliquid", "USD", "hyperliquid_perpetual", "USDC", "xrpl", "RLUSD", "kraken", "USD");
    private static final String DEFAULT_QUOTE = "USDT";

    private final Set<String> banned;

    public PricingRules(Collection<String> bannedTokens) {
        this.banned = Set.copyOf(bannedTokens);
    }

    /** From the {@code BANNED_TOKENS} form: comma-separated, blanks and spaces ignored. */
    public static PricingRules fromBannedTokens(String commaSeparated) {
        return new PricingRules(commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(","))
                .map(String::trim).filter(t -> !t.isEmpty()).collect(Collectors.toSet()));
    }

    /** One asset as the venue reported it. */
    public record Balance(String token, BigDecimal units, BigDecimal available) {
    }

    public boolean counts(Balance balance) {
        return balance.units().signum() != 0 && !banned.contains(balance.token());
    }

    public static boolean isDollar(String token) {
        return token.contains("USD");
    }

    /** The market whose last price values {@code token} on {@code connector}. */
    public static String market(String token, String connector) {
        String base = token.startsWith("LD") && !token.equals("LDO") ? token.substring(2) : token;
        return base + "-" + QUOTES.getOrDefault(connector, DEFAULT_QUOTE);
    }

    /** The markets to ask the venue for, one per counted non-dollar token. */
    public Set<String> marketsToPrice(String connector, List<Balance> balances) {
        Set<String> markets = new LinkedHashSet<>();
        for (Balance balance : balances) {
            if (counts(balance) && !isDollar(balance.token())) {
                markets.add(market(balance.token(), connector));
            }
        }
        return markets;
    }

    /** The counted balances, priced from {@code lastPrices} (market → price; a missing market is 0). */
    public List<TokenValue> value(String connector, List<Balance> balances, Map<String, BigDecimal> lastPrices) {
        return balances.stream().filter(this::counts).map(b -> {
            BigDecimal price = isDollar(b.token()) ? BigDecimal.ONE
                    : lastPrices.getOrDefault(market(b.token(), connector), BigDecimal.ZERO);
            BigDecimal value = b.units().multiply(price).setScale(SCALE, RoundingMode.HALF_EVEN);
            return new TokenValue(b.token(), b.units(), price, value, b.available());
        }).toList();
    }
}
