package io.aviary.trading.infra;

import static io.aviary.trading.infra.Sql.ts;

import io.aviary.connectors.model.FundingPayment;
import io.aviary.trading.domain.SessionKey;
import java.math.BigDecimal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Funding payments of perpetual sessions; one per (session, pair, time). */
@Repository
public class FundingRepository {

    private final JdbcTemplate jdbc;

    public FundingRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when this payment was already recorded */
    public boolean insert(SessionKey session, FundingPayment payment, BigDecimal positionSize) {
        return jdbc.update("""
                INSERT INTO funding_payments (account_name, connector_name, trading_pair, paid_at, funding_rate, amount,
                    asset, position_side, position_size)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (account_name, connector_name, trading_pair, paid_at) DO NOTHING""",
                session.accountName(), session.connectorName(), payment.tradingPair().toString(), ts(payment.timestamp()),
                payment.rate(), payment.amount(), payment.asset(),
                payment.side() == null ? null : payment.side().name(), positionSize) == 1;
    }
}
