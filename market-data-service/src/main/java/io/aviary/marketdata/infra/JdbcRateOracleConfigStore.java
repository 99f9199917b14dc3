package io.aviary.marketdata.infra;

import io.aviary.marketdata.domain.RateOracleConfig;
import io.aviary.marketdata.domain.RateOracleConfigStore;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The rate oracle's configuration in {@code market_data.rate_oracle_config}, a table of at most one row. */
@Repository
public class JdbcRateOracleConfigStore implements RateOracleConfigStore {

    private final JdbcTemplate jdbc;

    public JdbcRateOracleConfigStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public Optional<RateOracleConfig> load() {
        return jdbc.query("SELECT source, global_token_name, global_token_symbol FROM rate_oracle_config",
                (rs, i) -> new RateOracleConfig(rs.getString(1), rs.getString(2), rs.getString(3))).stream().findFirst();
    }

    @Override
    public void save(RateOracleConfig config) {
        jdbc.update("INSERT INTO rate_oracle_config (singleton, source, global_token_name, global_token_symbol, updated_at) "
                + "VALUES (true, ?, ?, ?, now()) ON CONFLICT (singleton) DO UPDATE SET source = EXCLUDED.source, "
                + "global_token_name = EXCLUDED.global_token_name, global_token_symbol = EXCLUDED.global_token_symbol, "
                + "updated_at = EXCLUDED.updated_at",
                config.source(), config.globalTokenName(), config.globalTokenSymbol());
    }
}
