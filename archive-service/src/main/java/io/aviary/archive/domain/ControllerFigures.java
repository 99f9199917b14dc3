package io.aviary.archive.domain;

import java.math.BigDecimal;

/**
 * What a controller's executors reported, summed over its {@code Executors} rows (Hummingbot stores every executor
 * at strategy stop, so an archive holds them all). These are the executors' own figures, not recomputed from fills:
 * TradeFill rows do not say which controller placed them.
 */
public record ControllerFigures(String controllerId, long executors, BigDecimal netPnlQuote, BigDecimal cumFeesQuote,
        BigDecimal filledAmountQuote) {
}
