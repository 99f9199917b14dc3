package io.aviary.connectors.sim;

import io.aviary.connectors.model.Fill;
import io.aviary.connectors.model.OrderRequest;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.Subscription;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.port.UserStreamListener;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Round trip through the {@code sim} connector over loopback: {@code placeOrder} of a marketable
 * order → its fill event on the user stream, one order in flight at a time, against a venue
 * process started with default JIT settings. Also the REST answer time of the same call.
 *
 * <pre>
 * mvn -B -q -pl sim-exchange package -DskipTests
 * mvn -B -pl connectors test -Dtest=SimRoundTripBenchmark -Dsim.bench=true [-Dsim.bench.orders=3000]
 * </pre>
 * Results are printed and written to {@code connectors/target/sim-roundtrip.txt}.
 */
@EnabledIfSystemProperty(named = "sim.bench", matches = "true")
class SimRoundTripBenchmark {

    static final TradingPair SOL = TradingPair.parse("SOL-USDT");

    @Test
    void placeOrderToFillEvent() throws Exception {
        int orders = Integer.getInteger("sim.bench.orders", 3000);
        int warmup = Math.max(500, orders / 3);
        try (SimVenueProcess venue = SimVenueProcess.start(Map.of("SIM_EXCHANGE_QUIET_MARKETS", "spot:SOL-USDT"),
                List.of())) {
            SimConnectorFactory spot = SimConnectorFactory.spot(venue.url());
            try (TradingConnector maker = spot.trading(SimApiKeys.create(venue.url(), "maker").credentials("sim"));
                    TradingConnector taker = spot.trading(SimApiKeys.create(venue.url(), "taker").credentials("sim"))) {
                // deep quotes at 1000/1001 so 0.005 SOL (≥ 5 USDT) orders always fill
                maker.placeOrder(new OrderRequest("ask", SOL, TradeType.SELL, OrderType.LIMIT, new BigDecimal("50"),
                        new BigDecimal("1001"), null));
                maker.placeOrder(new OrderRequest("bid", SOL, TradeType.BUY, OrderType.LIMIT, new BigDecimal("9"),
                        new BigDecimal("1000"), null));
                Map<String, Long> sent = new ConcurrentHashMap<>();
                SynchronousQueue<Long> fills = new SynchronousQueue<>();
                Subscription sub = taker.subscribeUserStream(new UserStreamListener() {
                    @Override
                    public void onFill(Fill fill) {
                        Long t0 = sent.remove(fill.clientOrderId());
                        if (t0 != null) {
                            try {
                                fills.put(System.nanoTime() - t0);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    }
                });
                long[] roundTrip = new long[orders];
                long[] rest = new long[orders];
                for (int i = 0; i < warmup + orders; i++) {
                    if (i % 1000 == 999) {
                        // the bid wears down by 2.5 SOL per 1000 orders; the asks sold fund a new one
                        maker.placeOrder(new OrderRequest("bid-" + i, SOL, TradeType.BUY, OrderType.LIMIT,
                                new BigDecimal("2.5"), new BigDecimal("1000"), null));
                    }
                    String cid = "rt-" + i;
                    TradeType side = i % 2 == 0 ? TradeType.BUY : TradeType.SELL;
                    long t0 = System.nanoTime();
                    sent.put(cid, t0);
                    taker.placeOrder(new OrderRequest(cid, SOL, side, OrderType.MARKET, new BigDecimal("0.005"), null, null));
                    long answered = System.nanoTime() - t0;
                    Long latency = fills.poll(5, TimeUnit.SECONDS);
                    if (latency == null) {
                        throw new AssertionError("no fill event for " + cid);
                    }
                    if (i >= warmup) {
                        roundTrip[i - warmup] = latency;
                        rest[i - warmup] = answered;
                    }
                }
                sub.close();
                String report = "sim connector over loopback, " + orders + " orders after " + warmup + " warm-up\n"
                        + "  placeOrder -> fill event:  " + stats(roundTrip) + "\n"
                        + "  placeOrder REST answer:    " + stats(rest) + "\n";
                System.out.println(report);
                java.nio.file.Files.writeString(java.nio.file.Path.of("target", "sim-roundtrip.txt"), report);
            }
        }
    }

    private static String stats(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format("p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms", s[s.length / 2] / 1e6,
                s[(int) (s.length * 0.9)] / 1e6, s[(int) (s.length * 0.99)] / 1e6, s[s.length - 1] / 1e6);
    }
}
