package io.aviary.marketdata.api;

import io.aviary.marketdata.app.ConnectorQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The four {@code /connectors} endpoints of the Hummingbot API contract (api-catalog §1.3). */
@RestController
@RequestMapping("/connectors")
@Tag(name = "Connectors", description = "Available connectors, their credential fields, trading rules and order types")
public class ConnectorsController {

    private final ConnectorQueries connectors;

    public ConnectorsController(ConnectorQueries connectors) {
        this.connectors = connectors;
    }

    @GetMapping({"", "/"})
    @Operation(summary = "List connector names")
    public List<String> list() {
        return connectors.connectorNames();
    }

    @GetMapping("/{connector_name}/config-map")
    @Operation(summary = "Credential fields add-credential expects for this connector")
    public List<String> configMap(@PathVariable("connector_name") String connector) {
        return connectors.configFields(connector);
    }

    @GetMapping("/{connector_name}/trading-rules")
    @Operation(summary = "Trading rules per pair (repeat trading_pairs to select; all pairs when omitted)")
    public Map<String, TradingRuleResponse> tradingRules(@PathVariable("connector_name") String connector,
            @RequestParam(name = "trading_pairs", required = false) List<String> tradingPairs) {
        Map<String, TradingRuleResponse> rules = new LinkedHashMap<>();
        connectors.tradingRules(connector, tradingPairs)
                .forEach((pair, rule) -> rules.put(pair.toString(), TradingRuleResponse.of(rule)));
        return rules;
    }

    @GetMapping("/{connector_name}/order-types")
    @Operation(summary = "Order types the connector accepts")
    public OrderTypesResponse orderTypes(@PathVariable("connector_name") String connector) {
        return new OrderTypesResponse(connector, connectors.orderTypes(connector).stream().map(Enum::name).toList());
    }
}
