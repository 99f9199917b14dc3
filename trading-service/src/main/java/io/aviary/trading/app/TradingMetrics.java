package io.aviary.trading.app;

import io.aviary.connectors.model.Fill;
import io.aviary.trading.app.session.SessionRegistry;
import io.aviary.trading.domain.OrderStatus;
import io.aviary.trading.domain.SessionKey;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * trading-service's business meters on {@code /actuator/prometheus}. Tags stay low-cardinality: the venue (connector
 * name) and an outcome or kind from a closed set, never an account name, order id or pair.
 * <ul>
 *   <li>{@code aviary_orders_total{venue, outcome}}: placements that reached a verdict; outcome {@code placed} (the
 *   venue took it), {@code rejected} (Aviary's rules or the venue refused it), {@code failed} (recorded but the venue
 *   did not confirm it; reconciliation settles it). A retry answered from the record is not counted again.</li>
 *   <li>{@code aviary_fills_total{venue}}: new fills recorded, from the user stream or reconciliation.</li>
 *   <li>{@code aviary_reconciliation_corrections_total{venue, kind}}: what reconciliation had to put right; kind
 *   {@code missed_fill} (a fill the stream had not delivered) or {@code order_not_found} (an open order the venue no
 *   longer knows, finished as FAILED or CANCELLED).</li>
 *   <li>{@code aviary_sessions}: live trading sessions on this replica.</li>
 * </ul>
 * It listens to the recorder's outcomes (as an {@link OrderOutcomeListener}) to count fills once, whichever path
 * recorded them.
 */
@Component
public class TradingMetrics implements OrderOutcomeListener {

    public enum OrderOutcome { PLACED, REJECTED, FAILED }

    public enum Correction { MISSED_FILL, ORDER_NOT_FOUND }

    private final MeterRegistry meters;

    public TradingMetrics(MeterRegistry meters, SessionRegistry sessions) {
        this.meters = meters;
        Gauge.builder("aviary.sessions", sessions, s -> s.keys().size())
                .description("live trading sessions (account, connector) on this replica")
                .register(meters);
    }

    public void order(SessionKey session, OrderOutcome outcome) {
        Counter.builder("aviary.orders").description("order placements by venue and outcome")
                .tag("venue", session.connectorName()).tag("outcome", tag(outcome))
                .register(meters).increment();
    }

    public void corrected(SessionKey session, Correction kind, int count) {
        Counter.builder("aviary.reconciliation.corrections").description("what reconciliation put right, by kind")
                .tag("venue", session.connectorName()).tag("kind", tag(kind))
                .register(meters).increment(count);
    }

    @Override
    public void filled(SessionKey session, Fill fill, boolean completesOrder) {
        Counter.builder("aviary.fills").description("new fills recorded, by venue")
                .tag("venue", session.connectorName())
                .register(meters).increment();
    }

    @Override
    public void finished(SessionKey session, String clientOrderId, OrderStatus status) {
        // finished orders are counted where their outcome is known (placement, reconciliation)
    }

    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT);
    }
}
