package io.aviary.accounts.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.accounts.app.PortfolioFreshness;
import io.aviary.accounts.app.PortfolioService;
import io.aviary.accounts.domain.CredentialRef;
import io.aviary.accounts.domain.portfolio.ConnectorBalances;
import io.aviary.accounts.domain.portfolio.HistoryPage;
import io.aviary.accounts.domain.portfolio.HistoryQuery;
import io.aviary.accounts.domain.portfolio.PortfolioFilter;
import io.aviary.accounts.domain.portfolio.PricingRules;
import io.aviary.accounts.domain.portfolio.TokenValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** State replacement, snapshot de-duplication and history paging against real PostgreSQL. */
class PortfolioRepositoryTest {

    private static final Instant T0 = Instant.parse("2025-07-01T00:00:00Z");

    private JdbcTemplate jdbc;
    private PortfolioRepository repository;
    private PortfolioService service;
    private String a;
    private String b;

    @BeforeEach
    void setUp() {
        jdbc = TestDatabase.jdbc();
        repository = new PortfolioRepository(jdbc);
        service = new PortfolioService(repository, (connector, markets) -> {
            throw new AssertionError("queries never ask a venue");
        }, new PricingRules(List.of()), new PortfolioFreshness(accounts -> java.util.Map.of(), repository, Duration.ZERO));
        // Unique names per test: the database is shared by the test JVM.
        a = "a_" + UUID.randomUUID().toString().substring(0, 8);
        b = "b_" + UUID.randomUUID().toString().substring(0, 8);
        for (String account : List.of(a, b)) {
            jdbc.update("INSERT INTO account (name) VALUES (?)", account);
            jdbc.update("INSERT INTO credential (account_name, connector_name) VALUES (?, 'sim')", account);
        }
    }

    private static ConnectorBalances snapshot(String account, String connector, Instant at, String usdt) {
        BigDecimal units = new BigDecimal(usdt);
        return new ConnectorBalances(account, connector, at,
                List.of(new TokenValue("USDT", units, BigDecimal.ONE, units, units)));
    }

    @Test
    void onlyANewerObservationReplacesTheState() {
        assertThat(repository.replaceStateIfNewer(snapshot(a, "sim", T0.plusSeconds(10), "100"))).isTrue();
        assertThat(repository.replaceStateIfNewer(snapshot(a, "sim", T0.plusSeconds(5), "50"))).isFalse();
        assertThat(repository.replaceStateIfNewer(snapshot(a, "sim", T0.plusSeconds(10), "70"))).isFalse();
        List<ConnectorBalances> state = repository.state(PortfolioFilter.of(List.of(a), null));
        assertThat(state).singleElement().satisfies(s -> {
            assertThat(s.observedAt()).isEqualTo(T0.plusSeconds(10));
            assertThat(s.tokens().getFirst().units()).isEqualByComparingTo("100");
        });
        assertThat(repository.replaceStateIfNewer(snapshot(a, "sim", T0.plusSeconds(11), "0.000000000000000001"))).isTrue();
        assertThat(repository.state(PortfolioFilter.of(List.of(a), null)).getFirst().tokens().getFirst().units())
                .isEqualTo(new BigDecimal("0.000000000000000001"));
    }

    @Test
    void aStateReadWaitsForBalancesObservedAfterTheLastChangeAndNoLonger() throws Exception {
        Instant changedAt = T0.plusSeconds(20);
        repository.replaceStateIfNewer(snapshot(a, "sim", T0.plusSeconds(10), "100")); // before the change
        PortfolioFreshness freshness = new PortfolioFreshness(
                accounts -> java.util.Map.of(new CredentialRef(a, "sim"), changedAt), repository, Duration.ofSeconds(10));
        PortfolioFilter onlyA = PortfolioFilter.of(List.of(a), null);

        Thread observer = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            repository.replaceStateIfNewer(snapshot(a, "sim", changedAt.plusMillis(300), "42"));
        });
        long t0 = System.nanoTime();
        freshness.awaitCurrent(onlyA);
        long waitedMs = (System.nanoTime() - t0) / 1_000_000;
        observer.join();
        assertThat(waitedMs).as("returned when the newer observation arrived, not at the 10 s bound").isBetween(250L, 5_000L);
        assertThat(repository.state(onlyA)).singleElement().satisfies(state ->
                assertThat(state.observedAt()).isEqualTo(changedAt.plusMillis(300)));

        // already current: no wait at all; never observed and never arriving: the bound ends the wait
        long t1 = System.nanoTime();
        freshness.awaitCurrent(onlyA);
        assertThat((System.nanoTime() - t1) / 1_000_000).isLessThan(250L);
        PortfolioFreshness bounded = new PortfolioFreshness(
                accounts -> java.util.Map.of(new CredentialRef(b, "sim"), changedAt), repository, Duration.ofMillis(200));
        long t2 = System.nanoTime();
        bounded.awaitCurrent(PortfolioFilter.of(List.of(b), null));
        assertThat((System.nanoTime() - t2) / 1_000_000).isBetween(200L, 5_000L);
    }

    @Test
    void theSameObservationIsOneSnapshot() {
        repository.appendSnapshot(snapshot(a, "sim", T0, "1"));
        repository.appendSnapshot(snapshot(a, "sim", T0, "1"));
        repository.appendSnapshot(snapshot(a, "binance", T0, "1"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM portfolio_snapshot WHERE account_name = ?", Long.class, a))
                .isEqualTo(2);
    }

    @Test
    void stateIsDroppedPerConnectorOrPerAccountAndHistoryStays() {
        repository.replaceStateIfNewer(snapshot(a, "sim", T0, "1"));
        repository.replaceStateIfNewer(snapshot(a, "binance", T0, "2"));
        repository.appendSnapshot(snapshot(a, "sim", T0, "1"));
        service.dropCredential(a, "sim");
        assertThat(repository.state(PortfolioFilter.of(List.of(a), null))).extracting(ConnectorBalances::connector)
                .containsExactly("binance");
        service.dropAccount(a);
        assertThat(repository.state(PortfolioFilter.of(List.of(a), null))).isEmpty();
        assertThat(service.history(new HistoryQuery(PortfolioFilter.of(List.of(a), null), 10, null, null, null)).items())
                .hasSize(1);
    }

    @Test
    void theCredentialGateSeesDeletions() {
        assertThat(repository.credentialExists(a, "sim", false)).isTrue();
        assertThat(repository.credentialExists(a, "binance", false)).isFalse();
        jdbc.update("DELETE FROM credential WHERE account_name = ?", a);
        assertThat(repository.credentialExists(a, "sim", true)).isFalse();
    }

    /**
     * 30 snapshots over two accounts and two connectors, with groups sharing one timestamp; every
     * page size from 1 to 31 must walk them all, newest first, without a gap or a repeat.
     */
    @Test
    void pagesWalkTheWholeHistoryWithoutGapsOrRepeatsWhateverTheLimit() {
        List<ConnectorBalances> all = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Instant at = T0.plusSeconds(i);
            all.add(snapshot(a, "sim", at, Integer.toString(i)));
            all.add(snapshot(b, "sim", at, Integer.toString(100 + i)));
            if (i % 3 == 0) {
                all.add(snapshot(a, "binance", at, Integer.toString(200 + i)));
            }
        }
        all.add(snapshot(b, "binance", T0.plusNanos(1500), "999")); // stored at microsecond precision
        all.forEach(repository::appendSnapshot);
        int total = all.size();

        PortfolioFilter both = PortfolioFilter.of(List.of(a, b), null);
        for (int limit = 1; limit <= total + 1; limit++) {
            List<ConnectorBalances> walked = walk(new HistoryQuery(both, limit, null, null, null));
            assertThat(walked).as("limit %d", limit).hasSize(total);
            assertThat(walked).as("limit %d", limit).doesNotHaveDuplicates();
            assertThat(walked).extracting(ConnectorBalances::observedAt)
                    .isSortedAccordingTo(Comparator.reverseOrder());
        }

        PortfolioFilter onlyA = PortfolioFilter.of(List.of(a), null);
        assertThat(walk(new HistoryQuery(onlyA, 3, null, null, null))).hasSize(14)
                .allSatisfy(s -> assertThat(s.account()).isEqualTo(a));
        PortfolioFilter binance = new PortfolioFilter(Set.of(a, b), Set.of("binance"));
        assertThat(walk(new HistoryQuery(binance, 2, null, null, null))).hasSize(5);
        List<ConnectorBalances> window = walk(new HistoryQuery(both, 4, null, T0.plusSeconds(3), T0.plusSeconds(6)));
        assertThat(window).hasSize(4 * 2 + 2).extracting(ConnectorBalances::observedAt)
                .allSatisfy(t -> assertThat(t).isBetween(T0.plusSeconds(3), T0.plusSeconds(6)));
    }

    @Test
    void moreSnapshotsAtOneTimeThanTheLimitAreServedTogether() {
        for (int i = 0; i < 5; i++) {
            repository.appendSnapshot(snapshot(a, "c" + i, T0.plusSeconds(100), "1"));
        }
        repository.appendSnapshot(snapshot(a, "sim", T0.plusSeconds(50), "1"));
        HistoryPage first = service.history(new HistoryQuery(PortfolioFilter.of(List.of(a), null), 2, null, null, null));
        assertThat(first.items()).hasSize(5);
        assertThat(first.hasMore()).isTrue();
        assertThat(first.nextCursor()).contains(T0.plusSeconds(100));
        HistoryPage second = service.history(new HistoryQuery(PortfolioFilter.of(List.of(a), null), 2,
                first.nextCursor().orElseThrow(), null, null));
        assertThat(second.items()).extracting(ConnectorBalances::connector).containsExactly("sim");
        assertThat(second.hasMore()).isFalse();
    }

    private List<ConnectorBalances> walk(HistoryQuery first) {
        List<ConnectorBalances> walked = new ArrayList<>();
        HistoryQuery query = first;
        for (int pages = 0; pages < 1000; pages++) {
            HistoryPage page = service.history(query);
            assertThat(page.items().size()).isLessThanOrEqualTo(Math.max(query.limit(), 3));
            walked.addAll(page.items());
            if (page.nextCursor().isEmpty()) {
                assertThat(page.hasMore()).isFalse();
                return walked;
            }
            query = new HistoryQuery(query.filter(), query.limit(), page.nextCursor().get(), query.start(), query.end());
        }
        throw new AssertionError("paging did not end");
    }
}
