package io.aviary.strategy.config;

import io.aviary.strategy.controller.BollingerV1Settings;

/** The engine's view of the {@code bb_*} keys, for every config that holds {@link BollingerSettings}. */
interface BollingerKeys extends BollingerV1Settings {

    BollingerSettings bollinger();

    @Override
    default int bbLength() {
        return bollinger().length();
    }

    @Override
    default double bbStd() {
        return bollinger().std();
    }

    @Override
    default double bbLongThreshold() {
        return bollinger().longThreshold();
    }

    @Override
    default double bbShortThreshold() {
        return bollinger().shortThreshold();
    }
}
