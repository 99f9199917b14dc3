package io.aviary.orchestration.mqtt;

import java.time.Duration;

/**
 * Where the broker is and the timing of the bot watch. Names and defaults follow the Hummingbot API ({@code BROKER_*}).
 *
 * @param livenessWindow  a bot is live while any of its topics spoke within this window (Hummingbot: 30 s, three
 *                        heartbeats)
 * @param discoveryWindow a silent bot stays listed (idle, its last performance kept) this long (Hummingbot: 300 s)
 * @param commandTimeout  how long an RPC waits for the bot's reply (Hummingbot: 30 s)
 * @param dumpInterval    period of the controller-performance snapshot (Hummingbot: 5 min)
 */
public record BrokerSettings(String host, int port, String username, String password, Duration livenessWindow,
        Duration discoveryWindow, Duration commandTimeout, Duration dumpInterval) {

    public boolean hasCredentials() {
        return username != null && !username.isBlank();
    }

    @Override
    public String toString() {
        // the password never reaches a log
        return "BrokerSettings[" + host + ":" + port + ", user=" + (hasCredentials() ? username : "<anonymous>") + "]";
    }
}
