package io.aviary.backtesting.domain;

import java.util.Map;
import java.util.Optional;

/** Controller configs stored by name (orchestration-service keeps them). */
public interface StoredConfigs {

    /** The config's content, or empty when no config has that name. */
    Optional<Map<String, Object>> find(String name);
}
