package io.aviary.bot.app;

import io.aviary.bot.instance.BotInstance;
import io.aviary.bot.instance.ControllerFile;
import io.aviary.bot.runtime.BotRuntime.ConnectorSession;
import io.aviary.connectors.port.ConnectorFactory;
import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.connectors.registry.ConnectorRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Opens one authenticated session per connector the instance's controllers trade on. */
final class ConnectorSessions {

  private ConnectorSessions() {}

  static List<ConnectorSession> open(BotInstance instance, ConnectorRegistry registry) {
    Set<String> connectors = new LinkedHashSet<>();
    for (ControllerFile controller : instance.controllers()) {
      connectors.add(controller.config().connectorName());
    }
    List<ConnectorSession> sessions = new ArrayList<>();
    try {
      for (String name : connectors) {
        ConnectorFactory factory = factory(registry, name);
        Map<String, String> credentials = instance.credentials().of(name).orElse(Map.of());
        // the instance id names the paper account, so a paper bot keeps its balances across restarts
        sessions.add(new ConnectorSession(name, factory.trading(instance.mqtt().instanceId(), credentials),
            factory.marketData()));
      }
    } catch (RuntimeException e) {
      sessions.forEach(s -> s.trading().close());
      throw e;
    }
    return sessions;
  }

  /** Public data of any connector (a controller's candles may come from another venue than it trades on). */
  static MarketDataConnector marketData(ConnectorRegistry registry, String name) {
    return factory(registry, name).marketData();
  }

  private static ConnectorFactory factory(ConnectorRegistry registry, String name) {
    return registry.find(name).orElseThrow(() -> new IllegalArgumentException("unknown connector " + name));
  }
}
