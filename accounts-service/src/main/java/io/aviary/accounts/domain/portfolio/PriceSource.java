package io.aviary.accounts.domain.portfolio;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/** Last traded prices on a connector's venue, for valuing balances. */
public interface PriceSource {

    /**
     * @param markets Hummingbot pairs, {@code BASE-QUOTE}
     * @return the prices the venue gave within the source's time bound; a market that is missing
     *         (unlisted, venue slow or failing) has no entry. Never throws for venue trouble.
     */
    Map<String, BigDecimal> lastPrices(String connector, Set<String> markets);
}
