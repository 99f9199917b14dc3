package io.aviary.connectors.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.connectors.model.Balance;
import io.aviary.connectors.model.Fill;
import io.aviary.connectors.model.OrderState;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.PositionAction;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PaperLedger} must do, run once per implementation by its subclasses (PostgreSQL for
 * trading-service, SQLite for the bot): accounts open once, every step is all or nothing, reads see exactly what
 * was stored, and a new ledger on the same store (a restarted process) sees it all.
 */
public abstract class PaperLedgerContract {

    private static final TradingPair BTC = TradingPair.parse("BTC-USDT");
    private static final Map<String, BigDecimal> START = Map.of("BTC", BigDecimal.ONE, "USDT", new BigDecimal("1000"));
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.123Z");

    /** A ledger on the implementation's store; each call may return a new instance on the same store. */
    protected abstract PaperLedger ledger();

    /** A new ledger on the same store, as a restarted process opens it (the previous one may be closed). */
    protected abstract PaperLedger reopened();

    private static PaperAccount newAccount() {
        return new PaperAccount("acct-" + UUID.randomUUID(), "sim_paper_trade");
    }

    @Test
    public void anAccountOpensOnceWithItsStartingBalances() {
        PaperLedger ledger = ledger();
        PaperAccount account = newAccount();
        ledger.open(account, START);
        ledger.open(account, Map.of("ETH", BigDecimal.TEN));

        assertThat(totals(ledger.balances(account))).containsExactlyInAnyOrderEntriesOf(Map.of("BTC", "1", "USDT", "1000"));
        assertThat(ledger.balances(newAccount())).as("another account").isEmpty();
    }

    @Test
    public void aStepStoresTheOrderItsFillsAndBalanceChangesTogether() {
        PaperLedger ledger = ledger();
        PaperAccount account = newAccount();
        ledger.open(account, START);
        PaperOrder resting = order("buy-1", OrderState.OPEN, "0", "0", "50.05");
        ledger.apply(account, resting, List.of(), List.of(BalanceChange.lock("USDT", new BigDecimal("50.05"))));

        assertThat(ledger.order(account, "buy-1")).contains(resting);
        assertThat(ledger.openOrders(account)).containsExactly(resting);
        Balance usdt = balance(ledger, account, "USDT");
        assertThat(usdt.total()).isEqualByComparingTo("1000");
        assertThat(usdt.available()).isEqualByComparingTo("949.95");

        PaperOrder filled = order("buy-1", OrderState.FILLED, "0.001", "50", "0");
        Fill fill = new Fill("t-1", "buy-1", null, BTC, TradeType.BUY, new BigDecimal("50000"), new BigDecimal("0.001"),
                new BigDecimal("0.05"), "USDT", true, PositionAction.NIL, T0.plusSeconds(1));
        ledger.apply(account, filled, List.of(fill), List.of(BalanceChange.total("BTC", new BigDecimal("0.001")),
                BalanceChange.total("USDT", new BigDecimal("-50.05")), BalanceChange.lock("USDT", new BigDecimal("-50.05"))));

        assertThat(ledger.order(account, "buy-1")).contains(filled);
        assertThat(ledger.openOrders(account)).isEmpty();
        assertThat(ledger.fills(account, "buy-1", null, null)).containsExactly(fill);
        assertThat(ledger.fills(account, null, BTC, T0)).containsExactly(fill);
        assertThat(ledger.fills(account, null, BTC, T0.plusSeconds(2))).isEmpty();
        assertThat(ledger.fills(account, null, TradingPair.parse("ETH-USDT"), null)).isEmpty();
        assertThat(totals(ledger.balances(account))).containsExactlyInAnyOrderEntriesOf(
                Map.of("BTC", "1.001", "USDT", "949.95"));
        assertThat(balance(ledger, account, "USDT").available()).isEqualByComparingTo("949.95");
    }

    @Test
    public void aStepThatNeedsMoreThanIsAvailableStoresNothing() {
        PaperLedger ledger = ledger();
        PaperAccount account = newAccount();
        ledger.open(account, START);
        ledger.apply(account, order("rest", OrderState.OPEN, "0", "0", "600"), List.of(),
                List.of(BalanceChange.lock("USDT", new BigDecimal("600"))));
        Fill fill = new Fill("t-2", "greedy", null, BTC, TradeType.BUY, new BigDecimal("500"), BigDecimal.ONE,
                BigDecimal.ZERO, "USDT", false, PositionAction.NIL, T0);

        // BTC would rise first; USDT has 1000 of which 600 are locked, so 500 more cannot be spent
        assertThatThrownBy(() -> ledger.apply(account, order("greedy", OrderState.FILLED, "1", "500", "0"), List.of(fill),
                List.of(BalanceChange.total("BTC", BigDecimal.ONE), BalanceChange.total("USDT", new BigDecimal("-500")))))
                .isInstanceOf(PaperLedger.InsufficientBalance.class).hasMessageContaining("USDT");

        assertThat(ledger.order(account, "greedy")).isEmpty();
        assertThat(ledger.fills(account, "greedy", null, null)).isEmpty();
        assertThat(totals(ledger.balances(account))).containsExactlyInAnyOrderEntriesOf(Map.of("BTC", "1", "USDT", "1000"));
        assertThat(balance(ledger, account, "USDT").available()).isEqualByComparingTo("400");
    }

    @Test
    public void aSetBalanceReplacesTheTotalKeepsLocksAndOpensAMissingAccount() {
        PaperLedger ledger = ledger();
        PaperAccount account = newAccount();
        ledger.setBalance(account, START, "ETH", new BigDecimal("2.5"));
        assertThat(totals(ledger.balances(account))).containsExactlyInAnyOrderEntriesOf(
                Map.of("BTC", "1", "USDT", "1000", "ETH", "2.5"));

        ledger.apply(account, order("rest", OrderState.OPEN, "0", "0", "300"), List.of(),
                List.of(BalanceChange.lock("USDT", new BigDecimal("300"))));
        ledger.setBalance(account, START, "USDT", new BigDecimal("500"));
        Balance usdt = balance(ledger, account, "USDT");
        assertThat(usdt.total()).isEqualByComparingTo("500");
        assertThat(usdt.available()).isEqualByComparingTo("200");

        assertThatThrownBy(() -> ledger.setBalance(account, START, "USDT", new BigDecimal("299")))
                .isInstanceOf(PaperLedger.InsufficientBalance.class).hasMessageContaining("open orders lock 300 USDT");
        assertThat(balance(ledger, account, "USDT").total()).isEqualByComparingTo("500");
        assertThatThrownBy(() -> ledger.setBalance(account, START, "BTC", new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class);

        ledger.setBalance(account, START, "BTC", BigDecimal.ZERO);
        assertThat(totals(ledger.balances(account))).as("a zero balance is not listed").doesNotContainKey("BTC");
    }

    @Test
    public void aNewLedgerOnTheSameStoreSeesBalancesOrdersAndFills() {
        PaperLedger ledger = ledger();
        PaperAccount account = newAccount();
        ledger.open(account, START);
        PaperOrder resting = order("keep", OrderState.PARTIALLY_FILLED, "0.0005", "25", "25.025");
        Fill fill = new Fill("t-3", "keep", null, BTC, TradeType.BUY, new BigDecimal("50000"), new BigDecimal("0.0005"),
                new BigDecimal("0.025"), "USDT", false, PositionAction.NIL, T0);
        ledger.apply(account, resting, List.of(fill), List.of(BalanceChange.total("BTC", new BigDecimal("0.0005")),
                BalanceChange.total("USDT", new BigDecimal("-25.025")), BalanceChange.lock("USDT", new BigDecimal("25.025"))));
        ledger.setBalance(account, START, "SOL", new BigDecimal("7"));
        List<Balance> before = ledger.balances(account);

        PaperLedger restarted = reopened();

        assertThat(totals(restarted.balances(account))).isEqualTo(totals(before));
        assertThat(balance(restarted, account, "USDT").available()).isEqualByComparingTo("949.95");
        assertThat(restarted.openOrders(account)).containsExactly(resting);
        assertThat(restarted.fills(account, "keep", null, null)).containsExactly(fill);
        restarted.open(account, Map.of("BTC", BigDecimal.TEN));
        assertThat(totals(restarted.balances(account))).as("an existing account keeps its balances").isEqualTo(totals(before));
    }

    /** A BUY of 0.001 BTC at 50000 (quote locked as given), created at T0 and changed a second later if executed. */
    private static PaperOrder order(String id, OrderState state, String executedBase, String executedQuote, String locked) {
        Instant updated = new BigDecimal(executedBase).signum() > 0 ? T0.plusSeconds(1) : T0;
        return new PaperOrder(id, "paper-" + id, BTC, TradeType.BUY, OrderType.LIMIT, new BigDecimal("50000"),
                new BigDecimal("0.001"), new BigDecimal(executedBase), new BigDecimal(executedQuote), state, null, "USDT",
                new BigDecimal(locked), T0, updated.truncatedTo(ChronoUnit.MILLIS));
    }

    private static Balance balance(PaperLedger ledger, PaperAccount account, String asset) {
        return ledger.balances(account).stream().filter(b -> b.asset().equals(asset)).findFirst().orElseThrow();
    }

    private static Map<String, String> totals(List<Balance> balances) {
        return balances.stream().collect(Collectors.toMap(Balance::asset, b -> b.total().stripTrailingZeros().toPlainString()));
    }
}
