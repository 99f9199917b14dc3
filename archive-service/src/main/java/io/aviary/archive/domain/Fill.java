package io.aviary.archive.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One TradeFill row as performance needs it, decoded.
 *
 * @param timestampMs fill time, epoch ms (TradeFill.timestamp)
 * @param buy         {@code trade_type == BUY}
 * @param feeQuote    {@code trade_fee_in_quote}; zero when the archive has no such column or Hummingbot could not
 *                    convert the fee
 */
public record Fill(long timestampMs, String connectorName, String tradingPair, boolean buy, BigDecimal price,
        BigDecimal amount, BigDecimal feeQuote) {

    public Fill {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(amount, "amount");
        feeQuote = feeQuote == null ? BigDecimal.ZERO : feeQuote;
    }

    public Market market() {
        return new Market(connectorName, tradingPair);
    }

    /** A connector and one of its trading pairs: the unit PnL is computed in. */
    public record Market(String connectorName, String tradingPair) {
    }
}
