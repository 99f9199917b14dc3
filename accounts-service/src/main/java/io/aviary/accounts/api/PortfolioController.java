package io.aviary.accounts.api;

import io.aviary.accounts.app.PortfolioService;
import io.aviary.accounts.domain.portfolio.HistoryPage;
import io.aviary.accounts.domain.portfolio.HistoryQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The four {@code /portfolio} endpoints (api-catalog §1.4), each as ca19b95's GET with query
 * parameters and as the POST with a JSON body that hummingbot-api-client v1.0.2 sends (§3.2).
 */
@RestController
@RequestMapping("/portfolio")
@Tag(name = "Portfolio", description = "Balances of every account and connector, valued; their history and distribution")
public class PortfolioController {

    private final PortfolioService portfolio;

    public PortfolioController(PortfolioService portfolio) {
        this.portfolio = portfolio;
    }

    @GetMapping("/state")
    @Operation(summary = "Current balances per account and connector, valued")
    public Map<String, Map<String, List<PortfolioResponses.TokenEntry>>> state(
            @RequestParam(name = "account_names", required = false) List<String> accountNames,
            @RequestParam(name = "connector_names", required = false) List<String> connectorNames) {
        return state(query(accountNames, connectorNames, null, null, null, null));
    }

    @PostMapping("/state")
    @Operation(summary = "Current balances per account and connector, valued (JSON filter)")
    public Map<String, Map<String, List<PortfolioResponses.TokenEntry>>> stateByBody(
            @RequestBody(required = false) PortfolioRequest.Body body) {
        return state(PortfolioRequest.of(body));
    }

    @GetMapping("/history")
    @Operation(summary = "Balance snapshots, newest first, paged by timestamp cursor")
    public PortfolioResponses.HistoryResponse history(
            @RequestParam(name = "account_names", required = false) List<String> accountNames,
            @RequestParam(name = "connector_names", required = false) List<String> connectorNames,
            @RequestParam(name = "limit", required = false) Integer limit,
            @RequestParam(name = "cursor", required = false) String cursor,
            @RequestParam(name = "start_time", required = false) String startTime,
            @RequestParam(name = "end_time", required = false) String endTime) {
        return history(query(accountNames, connectorNames, limit, cursor, startTime, endTime));
    }

    @PostMapping("/history")
    @Operation(summary = "Balance snapshots, newest first, paged by timestamp cursor (JSON filter)")
    public PortfolioResponses.HistoryResponse historyByBody(@RequestBody(required = false) PortfolioRequest.Body body) {
        return history(PortfolioRequest.of(body));
    }

    @GetMapping("/distribution")
    @Operation(summary = "Portfolio value by token, with shares per account and connector")
    public PortfolioResponses.Distribution distribution(
            @RequestParam(name = "account_names", required = false) List<String> accountNames,
            @RequestParam(name = "connector_names", required = false) List<String> connectorNames) {
        return distribution(query(accountNames, connectorNames, null, null, null, null));
    }

    @PostMapping("/distribution")
    @Operation(summary = "Portfolio value by token (JSON filter)")
    public PortfolioResponses.Distribution distributionByBody(@RequestBody(required = false) PortfolioRequest.Body body) {
        return distribution(PortfolioRequest.of(body));
    }

    @GetMapping("/accounts-distribution")
    @Operation(summary = "Portfolio value by account and connector")
    public PortfolioResponses.AccountsShares accountsDistribution(
            @RequestParam(name = "account_names", required = false) List<String> accountNames,
            @RequestParam(name = "connector_names", required = false) List<String> connectorNames) {
        return accountsDistribution(query(accountNames, connectorNames, null, null, null, null));
    }

    @PostMapping("/accounts-distribution")
    @Operation(summary = "Portfolio value by account and connector (JSON filter)")
    public PortfolioResponses.AccountsShares accountsDistributionByBody(
            @RequestBody(required = false) PortfolioRequest.Body body) {
        return accountsDistribution(PortfolioRequest.of(body));
    }

    private static PortfolioRequest query(List<String> accountNames, List<String> connectorNames, Integer limit,
            String cursor, String startTime, String endTime) {
        return new PortfolioRequest("query", accountNames, connectorNames, limit, cursor, startTime, endTime);
    }

    private Map<String, Map<String, List<PortfolioResponses.TokenEntry>>> state(PortfolioRequest request) {
        return PortfolioResponses.state(portfolio.state(request.filter()));
    }

    private PortfolioResponses.HistoryResponse history(PortfolioRequest request) {
        HistoryQuery query = request.history();
        HistoryPage page = portfolio.history(query);
        return new PortfolioResponses.HistoryResponse(
                page.items().stream().map(PortfolioResponses.HistoryItem::of).toList(),
                new PortfolioResponses.Pagination(query.limit(), page.hasMore(),
                        page.nextCursor().map(TimeParam::format).orElse(null), request.cursor(), request.echo(query)));
    }

    private PortfolioResponses.Distribution distribution(PortfolioRequest request) {
        return PortfolioResponses.Distribution.of(portfolio.distribution(request.filter()));
    }

    private PortfolioResponses.AccountsShares accountsDistribution(PortfolioRequest request) {
        return PortfolioResponses.AccountsShares.of(portfolio.accountsDistribution(request.filter()));
    }
}
