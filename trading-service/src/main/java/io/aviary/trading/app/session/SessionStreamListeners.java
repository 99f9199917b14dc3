package io.aviary.trading.app.session;

import io.aviary.connectors.model.Fill;
import io.aviary.connectors.model.FundingPayment;
import io.aviary.connectors.model.OrderUpdate;
import io.aviary.connectors.model.Position;
import io.aviary.connectors.port.UserStreamListener;
import io.aviary.trading.app.TradeRecorder;
import io.aviary.trading.domain.SessionKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a session's pushed updates into records. A failure to record one (database down) is logged
 * and left to reconciliation, which asks the venue again; the stream keeps going.
 */
@Component
public class SessionStreamListeners {

    private static final Logger log = LoggerFactory.getLogger(SessionStreamListeners.class);

    private final TradeRecorder recorder;
    private final SessionJobs jobs;

    public SessionStreamListeners(TradeRecorder recorder, SessionJobs jobs) {
        this.recorder = recorder;
        this.jobs = jobs;
    }

    public UserStreamListener forSession(SessionKey key) {
        return new UserStreamListener() {
            @Override
            public void onOrderUpdate(OrderUpdate update) {
                guarded(key, "order update", () -> recorder.recordUpdate(key, update));
            }

            @Override
            public void onFill(Fill fill) {
                guarded(key, "fill", () -> {
                    if (recorder.recordFill(key, fill)) {
                        jobs.balancesChanged(key);
                    }
                });
            }

            @Override
            public void onPosition(Position position) {
                guarded(key, "position", () -> recorder.recordPosition(key, position));
            }

            @Override
            public void onFundingPayment(FundingPayment payment) {
                guarded(key, "funding payment", () -> recorder.recordFunding(key, payment, null));
            }

            @Override
            public void onDisconnect(Throwable cause) {
                log.info("User stream of {} broke ({}); reconciling", key, cause == null ? "closed" : cause.toString());
                jobs.reconcileSoon(key);
            }
        };
    }

    private void guarded(SessionKey key, String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("Could not record a {} of {} ({}); reconciliation will pick it up", what, key, e.toString());
            jobs.reconcileSoon(key);
        }
    }
}
