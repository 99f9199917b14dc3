package io.aviary.trading.infra;

import static io.aviary.trading.infra.Sql.instant;
import static io.aviary.trading.infra.Sql.ts;

import io.aviary.trading.domain.SessionKey;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** How far reconciliation has read a session's fills and funding payments on the venue. */
@Repository
public class WatermarkRepository {

    public enum Kind {
        FILLS("fills_read_to"), FUNDING("funding_read_to");

        private final String column;

        Kind(String column) {
            this.column = column;
        }
    }

    private final JdbcTemplate jdbc;

    public WatermarkRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Instant> readTo(SessionKey session, Kind kind) {
        return jdbc.query("SELECT " + kind.column + " FROM session_watermark WHERE account_name = ? AND connector_name = ?",
                (rs, i) -> instant(rs, kind.column), session.accountName(), session.connectorName())
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }

    public void advance(SessionKey session, Kind kind, Instant to) {
        jdbc.update("INSERT INTO session_watermark (account_name, connector_name, " + kind.column + ") VALUES (?, ?, ?) "
                        + "ON CONFLICT (account_name, connector_name) DO UPDATE SET " + kind.column
                        + " = GREATEST(session_watermark." + kind.column + ", EXCLUDED." + kind.column + ")",
                session.accountName(), session.connectorName(), ts(to));
    }
}
