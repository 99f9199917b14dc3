package io.aviary.marketdata.domain;

import java.util.Optional;

/** Where the rate oracle's configuration is kept (one row; survives restarts and is shared by replicas). */
public interface RateOracleConfigStore {

    /** The stored configuration; empty until the first update. */
    Optional<RateOracleConfig> load();

    void save(RateOracleConfig config);
}
