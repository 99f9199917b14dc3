package io.aviary.strategy.config;

import io.aviary.strategy.controller.MacdParameters;

/** The engine's view of the {@code macd_*} keys, for every config that holds {@link MacdSettings}. */
interface MacdKeys extends MacdParameters {

    MacdSettings macd();

    @Override
    default int macdFast() {
        return macd().fast();
    }

    @Override
    default int macdSlow() {
        return macd().slow();
    }

    @Override
    default int macdSignal() {
        return macd().signal();
    }
}
