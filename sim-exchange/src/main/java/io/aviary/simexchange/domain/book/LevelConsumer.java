package io.aviary.simexchange.domain.book;

/** Receives price levels (ticks, lots) of a book walk, best first. */
@FunctionalInterface
public interface LevelConsumer {

    /** @return false to stop the walk */
    boolean accept(long priceTicks, long lots);
}
