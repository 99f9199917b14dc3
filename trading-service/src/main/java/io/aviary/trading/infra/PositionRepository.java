package io.aviary.trading.infra;

import static io.aviary.trading.infra.Sql.ts;

import io.aviary.connectors.model.Position;
import io.aviary.trading.domain.SessionKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The current open positions of each perpetual session. */
@Repository
public class PositionRepository {

    private final JdbcTemplate jdbc;

    public PositionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores {@code position} (amount zero deletes it). @return true when what is stored changed in a
     * way a consumer cares about (side, amount, entry price or leverage) — a mark-price tick is not news.
     */
    public boolean upsert(SessionKey session, Position position, Instant at) {
        List<Object[]> current = jdbc.query("""
                SELECT amount, entry_price, leverage FROM positions
                WHERE account_name = ? AND connector_name = ? AND trading_pair = ? AND side = ? FOR UPDATE""",
                (rs, i) -> new Object[] {rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getObject(3)},
                session.accountName(), session.connectorName(), position.tradingPair().toString(), position.side().name());
        if (position.amount().signum() == 0) {
            return delete(session, position.tradingPair().toString(), position.side().name()) > 0;
        }
        jdbc.update("""
                INSERT INTO positions (account_name, connector_name, trading_pair, side, amount, entry_price, mark_price,
                    unrealized_pnl, leverage, liquidation_price, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (account_name, connector_name, trading_pair, side) DO UPDATE SET amount = EXCLUDED.amount,
                    entry_price = EXCLUDED.entry_price, mark_price = EXCLUDED.mark_price,
                    unrealized_pnl = EXCLUDED.unrealized_pnl, leverage = EXCLUDED.leverage,
                    liquidation_price = EXCLUDED.liquidation_price, updated_at = EXCLUDED.updated_at""",
                session.accountName(), session.connectorName(), position.tradingPair().toString(), position.side().name(),
                position.amount(), position.entryPrice(), position.markPrice(), position.unrealizedPnl(),
                position.leverage(), position.liquidationPrice(), ts(at));
        if (current.isEmpty()) {
            return true;
        }
        Object[] was = current.get(0);
        return !sameNumber(was[0], position.amount()) || !sameNumber(was[1], position.entryPrice())
                || !Objects.equals(was[2], position.leverage());
    }

    /** Keys ({@code pair/side}) of the session's stored positions. */
    public List<String[]> keys(SessionKey session) {
        return jdbc.query("SELECT trading_pair, side FROM positions WHERE account_name = ? AND connector_name = ?",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, session.accountName(), session.connectorName());
    }

    public int delete(SessionKey session, String tradingPair, String side) {
        return jdbc.update("DELETE FROM positions WHERE account_name = ? AND connector_name = ? AND trading_pair = ? AND side = ?",
                session.accountName(), session.connectorName(), tradingPair, side);
    }

    public void deleteSession(SessionKey session) {
        jdbc.update("DELETE FROM positions WHERE account_name = ? AND connector_name = ?",
                session.accountName(), session.connectorName());
    }

    private static boolean sameNumber(Object stored, java.math.BigDecimal now) {
        if (stored == null || now == null) {
            return stored == now;
        }
        return ((java.math.BigDecimal) stored).compareTo(now) == 0;
    }
}
