package io.aviary.marketdata.app;

import io.aviary.connectors.catalog.ConnectorSpec;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.model.TradingRule;
import io.aviary.connectors.port.ConnectorFactory;
import io.aviary.connectors.registry.ConnectorRegistry;
import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.failure.NotFound;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/** What the platform can tell about its connectors: names, credential fields, rules, order types. */
@Service
public class ConnectorQueries {

    private final ConnectorRegistry registry;

    public ConnectorQueries(ConnectorRegistry registry) {
        this.registry = registry;
    }

    public List<String> connectorNames() {
        return registry.catalog().all().stream().map(ConnectorSpec::name).toList();
    }

    public List<String> configFields(String connector) {
        return spec(connector).configFields();
    }

    public List<OrderType> orderTypes(String connector) {
        return spec(connector).orderTypes().stream().sorted().toList();
    }

    /**
     * Rules of the requested pairs (all pairs when none are named). A named pair the venue does not
     * list is a 404 naming it, rather than an error entry inside a successful answer.
     */
    public Map<TradingPair, TradingRule> tradingRules(String connector, Collection<String> requestedPairs) {
        ConnectorFactory factory = factory(connector);
        Map<TradingPair, TradingRule> all = factory.marketData().tradingRules();
        if (requestedPairs == null || requestedPairs.isEmpty()) {
            return sortedByName(all);
        }
        Map<TradingPair, TradingRule> selected = new LinkedHashMap<>();
        TreeSet<String> missing = new TreeSet<>();
        for (String raw : requestedPairs) {
            TradingPair pair = parsePair(raw);
            TradingRule rule = all.get(pair);
            if (rule == null) {
                missing.add(raw);
            } else {
                selected.put(pair, rule);
            }
        }
        if (!missing.isEmpty()) {
            throw new NotFound("Trading pair(s) not found on " + connector + ": " + String.join(", ", missing));
        }
        return selected;
    }

    private static Map<TradingPair, TradingRule> sortedByName(Map<TradingPair, TradingRule> rules) {
        Map<TradingPair, TradingRule> sorted = new java.util.TreeMap<>(java.util.Comparator.comparing(TradingPair::toString));
        sorted.putAll(rules);
        return sorted;
    }

    private static TradingPair parsePair(String raw) {
        try {
            return TradingPair.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(e.getMessage());
        }
    }

    private ConnectorSpec spec(String connector) {
        return registry.spec(connector).orElseThrow(() -> unknown(connector));
    }

    private ConnectorFactory factory(String connector) {
        return registry.find(connector).orElseThrow(() -> unknown(connector));
    }

    private static NotFound unknown(String connector) {
        return new NotFound("Connector '" + connector + "' not found. GET /connectors/ lists the available connectors.");
    }
}
