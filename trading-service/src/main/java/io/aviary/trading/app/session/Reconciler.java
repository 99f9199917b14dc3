package io.aviary.trading.app.session;

import io.aviary.connectors.model.Fill;
import io.aviary.connectors.model.FundingPayment;
import io.aviary.connectors.model.OrderUpdate;
import io.aviary.connectors.model.Position;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.port.VenueException;
import io.aviary.trading.app.TradeRecorder;
import io.aviary.trading.app.TradingMetrics;
import io.aviary.trading.domain.OrderRecord;
import io.aviary.trading.domain.OrderStatus;
import io.aviary.trading.domain.SessionKey;
import io.aviary.trading.infra.OrderRepository;
import io.aviary.trading.infra.PositionRepository;
import io.aviary.trading.infra.WatermarkRepository;
import io.aviary.trading.infra.WatermarkRepository.Kind;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes the database agree with the venue for one session: the state and fills of every order the
 * database thinks open, orders open on the venue that the database lacks, fills since the last
 * run (those that happened while this service was down included), and for perpetuals the
 * positions and funding payments. Everything goes through {@link TradeRecorder}, so whatever the
 * stream already recorded is not recorded twice.
 *
 * <p>An order the venue says it does not know is finished (FAILED if never confirmed, else
 * CANCELLED) only after {@code aviary.trading.not-found-confirmations} such answers in a row, counted
 * in the database so a restart neither forgets nor restarts the count; the status is then marked
 * inferred, and a later venue report of the order (open, or a fill) overrides it.
 */
@Component
public class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    /** An order placed this recently may not be visible on the venue yet: do not call it lost. */
    static final Duration PLACEMENT_GRACE = Duration.ofSeconds(30);
    /** Fills are re-read from a little before the last run so a fill stamped late is not missed. */
    static final Duration OVERLAP = Duration.ofMinutes(2);
    /** How far back a session that was never reconciled looks for fills and funding. */
    static final Duration FIRST_LOOKBACK = Duration.ofDays(1);

    private final OrderRepository orders;
    private final PositionRepository positions;
    private final WatermarkRepository watermarks;
    private final TradeRecorder recorder;
    private final Clock clock;
    private final int notFoundConfirmations;
    private final TradingMetrics metrics;

    public Reconciler(OrderRepository orders, PositionRepository positions, WatermarkRepository watermarks,
            TradeRecorder recorder, Clock clock,
            @Value("${aviary.trading.not-found-confirmations:3}") int notFoundConfirmations, TradingMetrics metrics) {
        this.metrics = metrics;
        if (notFoundConfirmations < 1) {
            throw new IllegalArgumentException("aviary.trading.not-found-confirmations must be at least 1");
        }
        this.orders = orders;
        this.positions = positions;
        this.watermarks = watermarks;
        this.recorder = recorder;
        this.clock = clock;
        this.notFoundConfirmations = notFoundConfirmations;
    }

    /** @return true when fills were found that the database lacked */
    public boolean reconcile(LiveSession session) {
        SessionKey key = session.key();
        Instant started = clock.instant();
        Map<String, OrderUpdate> listed = new LinkedHashMap<>();
        for (OrderUpdate onVenue : session.trading().openOrders(Optional.empty())) {
            listed.put(onVenue.clientOrderId(), onVenue);
        }
        int newFills = reconcileOpenOrders(session, listed, started);
        for (OrderUpdate onVenue : listed.values()) {
            recorder.recordUpdate(key, onVenue); // open on the venue but not here: placed elsewhere, or an inferred end
        }
        newFills += readFillsSinceWatermark(session, started);
        if (session.perpetual()) {
            List<Position> positionsOnVenue = session.trading().positions();
            reconcilePositions(session, positionsOnVenue);
            readFundingSinceWatermark(session, positionsOnVenue, started);
        }
        if (newFills > 0) {
            metrics.corrected(key, TradingMetrics.Correction.MISSED_FILL, newFills);
            log.info("Reconciliation of {} recorded {} fill(s) the stream had not delivered", key, newFills);
        }
        return newFills > 0;
    }

    /**
     * Checks every order the database thinks open. One the venue's open-orders list shows with the fills the database
     * has is settled by that list alone (it answered for the order, and no fill is missing); only the others are asked
     * for one by one (state and fills). A session with thousands of resting orders thus costs one list call per run,
     * not two venue calls per order. Every order open here is taken out of {@code listed}.
     */
    private int reconcileOpenOrders(LiveSession session, Map<String, OrderUpdate> listed, Instant now) {
        int newFills = 0;
        TradingConnector venue = session.trading();
        List<String> answered = new ArrayList<>();
        for (OrderRecord order : orders.openOrders(session.key())) {
            OrderUpdate onList = listed.remove(order.clientOrderId());
            if (onList != null && sameFills(order, onList)) {
                answered.add(order.clientOrderId());
                if (TradeRecorder.changes(order, onList)) {
                    recorder.recordUpdate(session.key(), onList);
                }
                continue;
            }
            TradingPair pair = order.tradingPair();
            try {
                OrderUpdate update = venue.orderStatus(pair, order.clientOrderId());
                orders.resetNotFound(session.key(), order.clientOrderId());
                newFills += recordFills(session.key(), venue.orderFills(pair, order.clientOrderId()));
                recorder.recordUpdate(session.key(), update);
            } catch (VenueException.NotFound e) {
                if (order.createdAt().isAfter(now.minus(PLACEMENT_GRACE))) {
                    continue;
                }
                notFound(session.key(), order);
            }
        }
        orders.resetNotFound(session.key(), answered);
        return newFills;
    }

    /** The venue reports as much executed as the database has recorded fills for (null: unknown, ask the order). */
    private static boolean sameFills(OrderRecord order, OrderUpdate onVenue) {
        return onVenue.executedBase() != null && onVenue.executedBase().compareTo(order.filledAmount()) == 0;
    }

    /** One "not found" can be a venue hiccup (a lagging replica, a stale cache): only a run of them finishes the order. */
    private void notFound(SessionKey key, OrderRecord order) {
        boolean neverConfirmed = order.status() == OrderStatus.SUBMITTED;
        int answers = recorder.recordNotFound(key, order.clientOrderId(), notFoundConfirmations,
                neverConfirmed ? OrderStatus.FAILED : OrderStatus.CANCELLED,
                neverConfirmed ? "The venue has no order with this client id: it never reached the venue"
                        : "The venue no longer knows this order (expired or cancelled outside Aviary)");
        if (answers >= notFoundConfirmations) {
            metrics.corrected(key, TradingMetrics.Correction.ORDER_NOT_FOUND, 1);
        }
        if (answers > 0 && answers < notFoundConfirmations) {
            log.info("{}: the venue does not know order {} ({} of {} answers before it counts as {})", key,
                    order.clientOrderId(), answers, notFoundConfirmations, neverConfirmed ? "FAILED" : "CANCELLED");
        }
    }

    /**
     * Reads every pair's fills since the watermark. Each connector pages through the venue's history
     * until a short page, so a read that returns has seen every fill stamped before {@code started};
     * only then does the watermark move, to {@code started}. A read that fails leaves the watermark
     * where it was (the next run reads the same span again; recording is idempotent).
     */
    private int readFillsSinceWatermark(LiveSession session, Instant started) {
        Instant since = since(session, Kind.FILLS);
        int newFills = 0;
        for (String pair : orders.pairsActiveSince(session.key(), since)) {
            newFills += recordFills(session.key(), session.trading().trades(TradingPair.parse(pair), since));
        }
        watermarks.advance(session.key(), Kind.FILLS, started);
        return newFills;
    }

    private int recordFills(SessionKey key, List<Fill> fills) {
        int recorded = 0;
        for (Fill fill : fills) {
            if (recorder.recordFill(key, fill)) {
                recorded++;
            }
        }
        return recorded;
    }

    private void reconcilePositions(LiveSession session, List<Position> onVenue) {
        Set<String> open = new HashSet<>();
        for (Position position : onVenue) {
            recorder.recordPosition(session.key(), position);
            if (position.amount().signum() != 0) {
                open.add(position.tradingPair() + "/" + position.side());
            }
        }
        for (String[] stored : positions.keys(session.key())) {
            if (!open.contains(stored[0] + "/" + stored[1])) {
                recorder.recordPositionClosed(session.key(), stored[0], stored[1]);
            }
        }
    }

    private void readFundingSinceWatermark(LiveSession session, List<Position> onVenue, Instant started) {
        Instant since = since(session, Kind.FUNDING);
        Map<String, BigDecimal> sizes = onVenue.stream()
                .collect(Collectors.toMap(p -> p.tradingPair().toString(), Position::amount, BigDecimal::add));
        Set<String> pairs = new TreeSet<>(sizes.keySet());
        pairs.addAll(orders.pairsActiveSince(session.key(), since));
        for (String pair : pairs) {
            for (FundingPayment payment : session.trading().fundingPayments(TradingPair.parse(pair), since)) {
                recorder.recordFunding(session.key(), payment, sizes.get(pair));
            }
        }
        watermarks.advance(session.key(), Kind.FUNDING, started);
    }

    private Instant since(LiveSession session, Kind kind) {
        return watermarks.readTo(session.key(), kind).map(t -> t.minus(OVERLAP))
                .orElse(session.openedAt().minus(FIRST_LOOKBACK));
    }

}
