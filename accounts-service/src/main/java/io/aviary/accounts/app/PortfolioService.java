package io.aviary.accounts.app;

import io.aviary.accounts.domain.portfolio.AccountsDistribution;
import io.aviary.accounts.domain.portfolio.ConnectorBalances;
import io.aviary.accounts.domain.portfolio.Distributions;
import io.aviary.accounts.domain.portfolio.HistoryPage;
import io.aviary.accounts.domain.portfolio.HistoryQuery;
import io.aviary.accounts.domain.portfolio.PortfolioFilter;
import io.aviary.accounts.domain.portfolio.PriceSource;
import io.aviary.accounts.domain.portfolio.PricingRules;
import io.aviary.accounts.domain.portfolio.TokenDistribution;
import io.aviary.accounts.domain.portfolio.TokenValue;
import io.aviary.accounts.infra.PortfolioRepository;
import io.aviary.common.events.trading.BalancesUpdated;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Portfolio state and history from the balances trading-service observes. Balances are priced when
 * they arrive and stored priced, so a history snapshot shows what the holdings were worth then.
 */
@Service
public class PortfolioService {

    private static final Logger log = LoggerFactory.getLogger(PortfolioService.class);

    private final PortfolioRepository portfolio;
    private final PriceSource prices;
    private final PricingRules rules;
    private final PortfolioFreshness freshness;

    public PortfolioService(PortfolioRepository portfolio, PriceSource prices, PricingRules rules,
            PortfolioFreshness freshness) {
        this.portfolio = portfolio;
        this.prices = prices;
        this.rules = rules;
        this.freshness = freshness;
    }

    /**
     * Records one observation: a history snapshot, and the current state unless a newer
     * observation is already there (events can arrive out of order). Balances of a credential that
     * no longer exists are dropped, so a late event cannot bring a deleted account back.
     */
    @Transactional
    public void record(BalancesUpdated event) {
        if (!portfolio.credentialExists(event.accountName(), event.connectorName(), false)) {
            log.debug("Balances for {}/{} without a stored credential; ignored", event.accountName(), event.connectorName());
            return;
        }
        List<PricingRules.Balance> balances = event.balances().stream()
                .map(b -> new PricingRules.Balance(b.asset(), b.total(), b.available())).toList();
        Set<String> markets = rules.marketsToPrice(event.connectorName(), balances);
        Map<String, BigDecimal> lastPrices = markets.isEmpty() ? Map.of() : prices.lastPrices(event.connectorName(), markets);
        List<TokenValue> tokens = rules.value(event.connectorName(), balances, lastPrices);
        // PostgreSQL keeps microseconds: truncating here makes the stored time the one a cursor names.
        Instant observedAt = event.observedAt().truncatedTo(ChronoUnit.MICROS);
        ConnectorBalances snapshot = new ConnectorBalances(event.accountName(), event.connectorName(), observedAt, tokens);
        // Re-checked under a share lock: a credential deletion waits for this write, or this sees it gone.
        if (!portfolio.credentialExists(event.accountName(), event.connectorName(), true)) {
            return;
        }
        portfolio.appendSnapshot(snapshot);
        if (!portfolio.replaceStateIfNewer(snapshot)) {
            log.debug("Balances of {}/{} at {} are older than the current state; kept in history only",
                    event.accountName(), event.connectorName(), observedAt);
        }
    }

    @Transactional
    public void dropAccount(String account) {
        portfolio.deleteState(account, null);
    }

    @Transactional
    public void dropCredential(String account, String connector) {
        portfolio.deleteState(account, connector);
    }

    /** The current state; waits (bounded) for balance changes trading-service made before this call. */
    public List<ConnectorBalances> state(PortfolioFilter filter) {
        freshness.awaitCurrent(filter);
        return portfolio.state(filter);
    }

    @Transactional(readOnly = true)
    public HistoryPage history(HistoryQuery query) {
        List<ConnectorBalances> window = portfolio.history(query, query.limit() + 1);
        return HistoryPage.cut(window, query.limit(), ConnectorBalances::observedAt)
                .map(items -> new HistoryPage(items, window.size() > query.limit()))
                .orElseGet(() -> wholeGroup(query, window.getFirst().observedAt()));
    }

    /** More than {@code limit} snapshots share one timestamp: they are served together. */
    private HistoryPage wholeGroup(HistoryQuery query, Instant at) {
        List<ConnectorBalances> group = portfolio.historyAt(query, at);
        return new HistoryPage(group, portfolio.anyOlder(query, at));
    }

    public TokenDistribution distribution(PortfolioFilter filter) {
        return Distributions.byToken(state(filter), filter.accountLabel());
    }

    public AccountsDistribution accountsDistribution(PortfolioFilter filter) {
        return Distributions.byAccount(state(filter));
    }
}
