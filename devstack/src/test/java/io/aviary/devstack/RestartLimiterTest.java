package io.aviary.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.devstack.RestartLimiter.Decision;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor's restart budget: growing delays, a restart loop detected and stopped, old restarts forgotten. */
class RestartLimiterTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final RestartPolicy fivePerFiveMinutes = RestartPolicy.of(5, Duration.ofMinutes(5));

    @Test
    void delaysDoubleFromOneSecond() {
        RestartLimiter limiter = new RestartLimiter(fivePerFiveMinutes);
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Decision.Restart restart = (Decision.Restart) limiter.onUnexpectedExit(i * 20 * SECOND);
            assertThat(restart.restart()).isEqualTo(i + 1);
            delays.add(restart.delay());
        }
        assertThat(delays).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L, 16L);
    }

    @Test
    void oneExitTooManyWithinTheWindowIsARestartLoop() {
        RestartLimiter limiter = new RestartLimiter(fivePerFiveMinutes);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.onUnexpectedExit(i * 30 * SECOND)).isInstanceOf(Decision.Restart.class);
        }
        assertThat(limiter.onUnexpectedExit(200 * SECOND)).isEqualTo(new Decision.GiveUp(5));
    }

    @Test
    void restartsOlderThanTheWindowNoLongerCount() {
        RestartLimiter limiter = new RestartLimiter(fivePerFiveMinutes);
        for (int i = 0; i < 5; i++) {
            limiter.onUnexpectedExit(i * SECOND);
        }
        // five minutes after the first restart, that one has left the window: one more is allowed
        Decision later = limiter.onUnexpectedExit(300 * SECOND);
        assertThat(later).isInstanceOf(Decision.Restart.class);
        assertThat(((Decision.Restart) later).delay()).isEqualTo(Duration.ofSeconds(16));
    }

    @Test
    void aProcessThatCrashesNowAndThenIsAlwaysRestartedQuickly() {
        RestartLimiter limiter = new RestartLimiter(fivePerFiveMinutes);
        for (int i = 0; i < 20; i++) {
            Decision decision = limiter.onUnexpectedExit(i * 301 * SECOND);
            assertThat(decision).isEqualTo(new Decision.Restart(Duration.ofSeconds(1), 1));
        }
    }

    @Test
    void theDelayIsCapped() {
        RestartLimiter limiter = new RestartLimiter(RestartPolicy.of(20, Duration.ofHours(1)));
        Duration last = Duration.ZERO;
        for (int i = 0; i < 20; i++) {
            last = ((Decision.Restart) limiter.onUnexpectedExit(i * SECOND)).delay();
        }
        assertThat(last).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aLimitOfZeroIsNoSupervisionAndNonsenseIsRefused() {
        assertThat(RestartPolicy.of(0, Duration.ofMinutes(5)).enabled()).isFalse();
        assertThat(RestartPolicy.OFF.enabled()).isFalse();
        assertThat(RestartPolicy.DEFAULT.enabled()).isTrue();
        assertThatThrownBy(() -> RestartPolicy.of(-1, Duration.ofMinutes(5))).hasMessageContaining("restart limit");
        assertThatThrownBy(() -> RestartPolicy.of(5, Duration.ZERO)).hasMessageContaining("restart window");
    }

    @Test
    void theLauncherSupervisesWithTheLimitAndWindowFromTheEnvironment(@TempDir Path repo) {
        Launcher.Options options = Launcher.Options.parse(new String[0]);
        SuiteConfig config = Launcher.configure(options, repo, Map.of("AVIARY_RESTART_LIMIT", "3", "AVIARY_RESTART_WINDOW", "60"));
        assertThat(config.restartPolicy()).isEqualTo(RestartPolicy.of(3, Duration.ofSeconds(60)));
        assertThat(Launcher.configure(options, repo, Map.of()).restartPolicy()).isEqualTo(RestartPolicy.DEFAULT);
        assertThat(Launcher.configure(options, repo, Map.of("AVIARY_RESTART_LIMIT", "0")).restartPolicy().enabled()).isFalse();
        // the system tests' suites kill services on purpose: they are not supervised unless they ask
        assertThat(SuiteConfig.builder(repo).build().restartPolicy()).isEqualTo(RestartPolicy.OFF);
    }
}
