package io.aviary.simexchange.domain.sim;

/**
 * How the simulated participants of one market behave.
 *
 * @param levels             price levels quoted per side
 * @param halfSpreadBps      distance of the best quotes from the fair price, in basis points
 * @param levelStepBps       spacing of the quote grid, in basis points of the starting price
 * @param makerSize          base amount quoted at the best level (deeper levels quote more)
 * @param takerRatePerSecond mean number of simulated market orders per second
 * @param takerSize          mean base amount of a simulated market order (exponentially distributed)
 */
public record FlowParams(int levels, double halfSpreadBps, double levelStepBps, double makerSize,
        double takerRatePerSecond, double takerSize) {
}
