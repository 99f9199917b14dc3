package io.aviary.trading.infra;

import static io.aviary.trading.infra.Sql.ts;

import io.aviary.connectors.model.Fill;
import io.aviary.trading.domain.SessionKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Fills in schema {@code trading}; the venue's trade id keeps each one unique. */
@Repository
public class TradeRepository {

    private final JdbcTemplate jdbc;

    public TradeRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when this fill was already recorded */
    public boolean insert(SessionKey session, Fill fill) {
        return jdbc.update("""
                INSERT INTO trades (account_name, connector_name, trading_pair, trade_id, client_order_id,
                    exchange_order_id, trade_type, position_action, price, amount, fee, fee_currency, maker, filled_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (account_name, connector_name, trading_pair, trade_id) DO NOTHING""",
                session.accountName(), session.connectorName(), fill.tradingPair().toString(), fill.tradeId(),
                fill.clientOrderId(), fill.exchangeOrderId(), fill.side().name(), fill.positionAction().name(),
                fill.price(), fill.amount(), fill.fee() == null ? java.math.BigDecimal.ZERO : fill.fee(),
                fill.feeAsset(), fill.maker(), ts(fill.timestamp())) == 1;
    }
}
