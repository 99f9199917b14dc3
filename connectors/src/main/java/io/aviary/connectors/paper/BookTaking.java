package io.aviary.connectors.paper;

import io.aviary.connectors.model.PriceLevel;
import io.aviary.connectors.model.TradeType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What an order can take from the opposite side of a book, best level first: a BUY takes asks at or
 * below its limit, a SELL takes bids at or above it (no limit: a market order takes any level),
 * until its amount is done or the side runs out. Paper fills do not remove liquidity from the
 * venue's book: the next order sees the same levels until the venue's book itself changes.
 */
final class BookTaking {

    private BookTaking() {
    }

    /** @param opposite asks for a BUY (ascending), bids for a SELL (descending), as a book snapshot lists them */
    static List<PriceLevel> take(List<PriceLevel> opposite, TradeType side, BigDecimal amount, BigDecimal limit) {
        List<PriceLevel> taken = new ArrayList<>();
        BigDecimal left = amount;
        for (PriceLevel level : opposite) {
            if (left.signum() <= 0 || (limit != null && !crosses(side, level.price(), limit))) {
                break;
            }
            BigDecimal size = left.min(level.amount());
            taken.add(new PriceLevel(level.price(), size));
            left = left.subtract(size);
        }
        return taken;
    }

    /** Whether a level at {@code levelPrice} is at or better than {@code limit} for an order on {@code side}. */
    static boolean crosses(TradeType side, BigDecimal levelPrice, BigDecimal limit) {
        return side == TradeType.BUY ? levelPrice.compareTo(limit) <= 0 : levelPrice.compareTo(limit) >= 0;
    }

    static BigDecimal base(List<PriceLevel> taken) {
        return taken.stream().map(PriceLevel::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
