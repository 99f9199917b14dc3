package io.aviary.simexchange.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The venue's wire records (JSON, snake_case). Decimals travel as strings so no client loses
 * precision to floating point; times are epoch milliseconds; ids are strings.
 */
public final class Wire {

    private Wire() {
    }

    public record Error(String code, String message) {
    }

    public record ServerTime(long serverTime) {
    }

    public record Market(String symbol, String base, String quote, String venue, String status, String tickSize,
            String stepSize, String minSize, String maxSize, String minNotional, List<String> orderTypes,
            boolean simulated, Integer maxLeverage, String collateral) {
    }

    public record Ticker(String symbol, String lastPrice, String bestBid, String bestAsk, String open24h,
            String high24h, String low24h, String volume24h, String quoteVolume24h, String markPrice,
            String indexPrice, String fundingRate, long timestamp) {
    }

    /** Levels are {@code [price, amount]} pairs, best first. */
    public record Book(String symbol, long sequence, long timestamp, List<List<String>> bids, List<List<String>> asks) {
    }

    public record BookDiff(String symbol, long firstSequence, long lastSequence, long timestamp,
            List<List<String>> bids, List<List<String>> asks) {
    }

    public record Trade(String tradeId, String symbol, String side, String price, String amount, long timestamp) {
    }

    public record Candle(long openTime, String open, String high, String low, String close, String volume,
            String quoteVolume, long trades, String takerBuyBaseVolume, String takerBuyQuoteVolume) {
    }

    public record FundingInfo(String symbol, String indexPrice, String markPrice, String fundingRate,
            long nextFundingTime, long fundingIntervalSeconds, long timestamp) {
    }

    public record FundingRate(String symbol, long fundingTime, String fundingRate, String markPrice) {
    }

    public record Balance(String asset, String total, String available, String locked) {
    }

    public record Order(String orderId, String clientOrderId, String symbol, String side, String type, String price,
            String amount, String status, String executedAmount, String executedQuote, String averagePrice,
            String fee, String feeAsset, String positionAction, Integer leverage, long createdAt, long updatedAt,
            String reason) {
    }

    public record Fill(String tradeId, String orderId, String clientOrderId, String symbol, String side,
            String price, String amount, String fee, String feeAsset, boolean maker, String positionAction,
            String realizedPnl, long timestamp) {
    }

    /** {@code amount} is signed: negative is short (side BOTH in ONEWAY mode). */
    public record Position(String symbol, String side, String positionMode, String amount, String entryPrice,
            String markPrice, String unrealizedPnl, int leverage, String margin, String liquidationPrice,
            long updatedAt) {
    }

    public record FundingPayment(String symbol, long timestamp, String fundingRate, String amount, String asset,
            String side, String positionAmount, String markPrice) {
    }

    public record Liquidation(String symbol, String side, String amount, String entryPrice, String markPrice,
            String marginLost, long timestamp) {
    }

    public record Leverage(String symbol, int leverage, int maxLeverage) {
    }

    public record PositionMode(String positionMode) {
    }

    public record ApiKey(String apiKey, String apiSecret, String label, long accountId,
            Map<String, List<Balance>> balances) {
        @Override
        public String toString() {
            return "ApiKey[apiKey=" + apiKey + "]";
        }
    }

    // ---------------------------------------------------------------- requests

    public record CreateApiKey(String label) {
    }

    /** Decimals may be sent as strings or numbers. */
    public record PlaceOrder(String symbol, String side, String type, BigDecimal amount,
            BigDecimal price, String clientOrderId, String positionAction) {
    }

    public record SetLeverage(String symbol, Integer leverage) {
    }

    public record SetPositionMode(String positionMode) {
    }
}
