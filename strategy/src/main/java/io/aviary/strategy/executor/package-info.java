/**
 * Executors: Hummingbot V2's order-managing units with their states ({@link io.aviary.strategy.executor.ExecutorState}),
 * close types ({@link io.aviary.strategy.executor.CloseType}), configs ({@link io.aviary.strategy.executor.ExecutorConfig},
 * {@link io.aviary.strategy.executor.PositionExecutorConfig} with its
 * {@link io.aviary.strategy.executor.TripleBarrierConfig}, {@link io.aviary.strategy.executor.OrderExecutorConfig},
 * {@link io.aviary.strategy.executor.DCAExecutorConfig}, {@link io.aviary.strategy.executor.GridExecutorConfig},
 * {@link io.aviary.strategy.executor.TwapExecutorConfig}, and the two-market
 * {@link io.aviary.strategy.executor.ArbitrageExecutorConfig} and {@link io.aviary.strategy.executor.XEMMExecutorConfig},
 * which read their second market through {@link io.aviary.strategy.market.MarketView#market}) and the actions
 * controllers emit
 * ({@link io.aviary.strategy.executor.ExecutorAction}).
 *
 * <p>An {@link io.aviary.strategy.executor.Executor} places and cancels orders only through an
 * {@link io.aviary.strategy.executor.OrderGateway}; fills come back as
 * {@link io.aviary.strategy.executor.OrderFill}s to its {@link io.aviary.strategy.executor.OrderListener} side.
 * A live host can make executors checkpointable and resume them after a restart from an
 * {@link io.aviary.strategy.executor.ExecutorCheckpoint} (ADR 0023).
 * {@link io.aviary.strategy.executor.ExecutorSupervisor} keeps a controller's position hold
 * ({@link io.aviary.strategy.executor.PositionHoldLedger}): what POSITION_HOLD executors handed over, plus what the
 * controller held before it started, its config's {@code initial_positions} (booked at the mid before its first
 * decision, no fees, no volume) or, in a bot, the hold its previous run stored at stop (not both: declared initial
 * positions replace a stored hold, as in Hummingbot).
 * Prices, amounts and PnL are {@code double}s (base or quote as named); times are epoch seconds.
 */
package io.aviary.strategy.executor;
