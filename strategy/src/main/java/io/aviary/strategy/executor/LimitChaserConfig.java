package io.aviary.strategy.executor;

/**
 * Hummingbot's {@code LimitChaserConfig}: the chasing order rests {@code distance} (fraction) behind the touch and
 * is re-placed when the touch moves more than {@code refreshThreshold} (fraction of the order price) away from it.
 */
public record LimitChaserConfig(double distance, double refreshThreshold) {
  public LimitChaserConfig {
    if (!(distance >= 0) || !(refreshThreshold >= 0)) {
      throw new IllegalArgumentException("chaser distance and refresh_threshold must be >= 0");
    }
  }
}
