package io.aviary.simexchange.bench;

import io.aviary.simexchange.domain.exchange.EventBuffer;
import io.aviary.simexchange.domain.exchange.Exchange;
import io.aviary.simexchange.domain.exchange.FeeSchedule;
import io.aviary.simexchange.domain.exchange.PlaceOrder;
import io.aviary.simexchange.domain.exchange.SpotLedger;
import io.aviary.simexchange.domain.model.MarketRules;
import io.aviary.simexchange.domain.model.OrderType;
import io.aviary.simexchange.domain.model.Side;
import io.aviary.simexchange.domain.model.VenueKind;
import io.aviary.simexchange.domain.model.VenueRejection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole venue command path, single thread, no I/O: validation, client-order-id idempotency,
 * balance reservation in BigDecimal, matching, fees, order/fill/balance events and book diffs —
 * a mixed limit/market/cancel flow of 20 accounts on a book of about 10 000 resting orders.
 * Same command line as {@link MatchingEngineBenchmark} with {@code VenueEngineBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class VenueEngineBenchmark {

    static final int OPS = 1 << 14;
    static final int ACCOUNTS = 20;
    static final MarketRules RULES = MarketRules.of("BTC", "USDT", "0.01", "0.001", "0.001", "1000000", "0");

    private Exchange exchange;
    private final EventBuffer out = new EventBuffer();
    private final List<String>[] open = newLists();
    private final SplittableRandom random = new SplittableRandom(5);
    private final PlaceOrder[] orders = new PlaceOrder[OPS];
    private final int[] kind = new int[OPS];
    private final int[] who = new int[OPS];
    private long cid;
    private int cursor;

    @SuppressWarnings("unchecked")
    private static List<String>[] newLists() {
        List<String>[] lists = new List[ACCOUNTS];
        for (int i = 0; i < ACCOUNTS; i++) {
            lists[i] = new ArrayList<>();
        }
        return lists;
    }

    @Setup
    public void setUp() {
        SpotLedger ledger = new SpotLedger(new FeeSchedule(new BigDecimal("0.0002"), new BigDecimal("0.0005")));
        exchange = new Exchange(VenueKind.SPOT, List.of(RULES), ledger, System::currentTimeMillis);
        for (int a = 1; a <= ACCOUNTS; a++) {
            ledger.open(a, Map.of("USDT", new BigDecimal("1000000000000"), "BTC", new BigDecimal("1000000000")));
            exchange.openAccount(a);
        }
        for (int i = 0; i < OPS; i++) {
            kind[i] = random.nextInt(100);
            who[i] = random.nextInt(ACCOUNTS);
            boolean buy = random.nextBoolean();
            long offset = 1 + (long) Math.abs(random.nextGaussian() * 150);
            boolean marketable = random.nextInt(10) == 0;
            long ticks = 10_000_000 + (buy ? -1 : 1) * (marketable ? -3 : offset);
            BigDecimal amount = RULES.amount(1 + random.nextInt(10));
            orders[i] = new PlaceOrder(null, "BTC-USDT", buy ? Side.BUY : Side.SELL,
                    kind[i] >= 88 ? OrderType.MARKET : OrderType.LIMIT, amount,
                    kind[i] >= 88 ? null : RULES.price(ticks), null);
        }
        while (exchange.market("BTC-USDT").orderCount() < 10_000) {
            step(cursor++ & (OPS - 1), 0);
        }
        out.drain();
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public int mixedFlow() {
        int events = 0;
        for (int n = 0; n < OPS; n++) {
            int i = cursor++ & (OPS - 1);
            int resting = exchange.market("BTC-USDT").orderCount();
            step(i, resting < 9_500 ? 0 : resting > 10_500 ? 60 : kind[i]);
            events += out.events().size();
            out.events().clear();
        }
        return events;
    }

    private void step(int i, int k) {
        int account = who[i];
        List<String> mine = open[account];
        if (k >= 55 && k < 88) {
            if (mine.isEmpty()) {
                return;
            }
            int slot = i % mine.size();
            String victim = mine.get(slot);
            mine.set(slot, mine.get(mine.size() - 1));
            mine.remove(mine.size() - 1);
            try {
                exchange.cancel(account + 1, victim, null, out);
            } catch (VenueRejection filledMeanwhile) {
                // ORDER_NOT_OPEN: a taker got there first
            }
            return;
        }
        PlaceOrder template = orders[i];
        String id = Long.toString(++cid);
        PlaceOrder order = new PlaceOrder(id, template.symbol(), template.side(), template.type(), template.amount(),
                template.price(), null);
        try {
            if (exchange.place(account + 1, order, out).status().isOpen()) {
                mine.add(id);
            }
        } catch (VenueRejection noLiquidity) {
            // a market order on an empty side
        }
    }
}
