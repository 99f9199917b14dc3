package io.aviary.accounts.infra;

import io.aviary.accounts.domain.CredentialRef;

import io.aviary.accounts.domain.portfolio.ConnectorBalances;
import io.aviary.accounts.domain.portfolio.HistoryQuery;
import io.aviary.accounts.domain.portfolio.PortfolioFilter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Current portfolio state (one row per account and connector) and the snapshot history (one row
 * per observation) in schema {@code accounts}. Token lists are stored as JSONB arrays of token
 * entries; JSON numbers are PostgreSQL numerics, so decimals survive exactly.
 */
@Repository
public class PortfolioRepository {

    private static final String COLUMNS = "account_name, connector_name, observed_at, tokens::text";

    private final JdbcTemplate jdbc;
    private final TokensJson json = new TokensJson();

    public PortfolioRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param lock take a share lock on the credential row until the transaction ends */
    public boolean credentialExists(String account, String connector, boolean lock) {
        return !jdbc.queryForList("SELECT 1 FROM credential WHERE account_name = ? AND connector_name = ?"
                + (lock ? " FOR SHARE" : ""), Integer.class, account, connector).isEmpty();
    }

    /** Appends a history snapshot; the same (account, connector, time) observed twice is stored once. */
    public void appendSnapshot(ConnectorBalances snapshot) {
        jdbc.update("""
                INSERT INTO portfolio_snapshot (account_name, connector_name, observed_at, tokens) VALUES (?, ?, ?, ?::jsonb)
                ON CONFLICT (account_name, connector_name, observed_at) DO NOTHING""",
                snapshot.account(), snapshot.connector(), utc(snapshot.observedAt()), json.write(snapshot.tokens()));
    }

    /** @return false when the stored state is as new or newer (then it is kept) */
    public boolean replaceStateIfNewer(ConnectorBalances state) {
        return jdbc.update("""
                INSERT INTO portfolio_state (account_name, connector_name, observed_at, tokens) VALUES (?, ?, ?, ?::jsonb)
                ON CONFLICT (account_name, connector_name) DO UPDATE
                    SET observed_at = EXCLUDED.observed_at, tokens = EXCLUDED.tokens
                    WHERE portfolio_state.observed_at < EXCLUDED.observed_at""",
                state.account(), state.connector(), utc(state.observedAt()), json.write(state.tokens())) == 1;
    }

    /** @param connector null for every connector of the account */
    public void deleteState(String account, String connector) {
        if (connector == null) {
            jdbc.update("DELETE FROM portfolio_state WHERE account_name = ?", account);
        } else {
            jdbc.update("DELETE FROM portfolio_state WHERE account_name = ? AND connector_name = ?", account, connector);
        }
    }

    /** When the stored state of each (account, connector) the filter covers was observed. */
    public Map<CredentialRef, Instant> stateObservedAt(PortfolioFilter filter) {
        Where where = Where.of(filter);
        Map<CredentialRef, Instant> observed = new HashMap<>();
        jdbc.query("SELECT account_name, connector_name, observed_at FROM portfolio_state" + where.sql(),
                rs -> {
                    observed.put(new CredentialRef(rs.getString(1), rs.getString(2)),
                            rs.getObject(3, OffsetDateTime.class).toInstant());
                }, where.args());
        return observed;
    }

    public List<ConnectorBalances> state(PortfolioFilter filter) {
        Where where = Where.of(filter);
        return jdbc.query("SELECT " + COLUMNS + " FROM portfolio_state" + where.sql()
                + " ORDER BY account_name, connector_name", this::balances, where.args());
    }

    /** Up to {@code fetch} snapshots of the query's window, newest first (ties by insertion, newest first). */
    public List<ConnectorBalances> history(HistoryQuery query, int fetch) {
        Where where = Where.of(query.filter()).range(query.start(), query.end()).before(query.cursor());
        return jdbc.query("SELECT " + COLUMNS + " FROM portfolio_snapshot" + where.sql()
                + " ORDER BY observed_at DESC, id DESC LIMIT " + fetch, this::balances, where.args());
    }

    /** Every snapshot of the query's filter observed exactly at {@code at}. */
    public List<ConnectorBalances> historyAt(HistoryQuery query, Instant at) {
        Where where = Where.of(query.filter()).at(at);
        return jdbc.query("SELECT " + COLUMNS + " FROM portfolio_snapshot" + where.sql() + " ORDER BY id DESC",
                this::balances, where.args());
    }

    /** Whether the query's window holds a snapshot older than {@code before}. */
    public boolean anyOlder(HistoryQuery query, Instant before) {
        Where where = Where.of(query.filter()).range(query.start(), query.end()).before(before);
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM portfolio_snapshot" + where.sql() + ")", Boolean.class, where.args()));
    }

    private ConnectorBalances balances(ResultSet rs, int row) throws SQLException {
        return new ConnectorBalances(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                json.read(rs.getString(4)));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A WHERE clause assembled from optional conditions, with its bind values. */
    private record Where(List<String> conditions, List<Object> values) {

        static Where of(PortfolioFilter filter) {
            Where where = new Where(new ArrayList<>(), new ArrayList<>());
            if (!filter.accounts().isEmpty()) {
                where.add("account_name = ANY (?)", filter.accounts().toArray(String[]::new));
            }
            if (!filter.connectors().isEmpty()) {
                where.add("connector_name = ANY (?)", filter.connectors().toArray(String[]::new));
            }
            return where;
        }

        Where range(Instant start, Instant end) {
            return add("observed_at >= ?", start).add("observed_at <= ?", end);
        }

        Where before(Instant cursor) {
            return add("observed_at < ?", cursor);
        }

        Where at(Instant time) {
            return add("observed_at = ?", time);
        }

        private Where add(String condition, Object value) {
            if (value != null) {
                conditions.add(condition);
                values.add(value instanceof Instant instant ? utc(instant) : value);
            }
            return this;
        }

        String sql() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        Object[] args() {
            return values.toArray();
        }
    }
}
