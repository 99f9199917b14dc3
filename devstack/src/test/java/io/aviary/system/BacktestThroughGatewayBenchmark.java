package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.devstack.RunningSuite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A one-month bollinger_v1 backtest of 1m sim candles through the gateway once the candles are stored (issue 12:
 * under a second). One warm-up run stores the month in market-data-service; then curl times {@code /run} (HEAD's
 * answer with the 44,640-point PnL series) and {@code /run-backtesting} (ca19b95's compact answer), 5 runs each.
 * A benchmark, not a test: run it on purpose (command in docs/benchmarks.md); figures go to
 * devstack/target/backtest-bench.txt.
 */
@EnabledIfSystemProperty(named = "aviary.bench", matches = "true")
class BacktestThroughGatewayBenchmark {

    @Test
    void oneMonthOfOneMinuteCandles() throws IOException, InterruptedException {
        RunningSuite suite = RunningSuite.get();
        long end = (Instant.now().getEpochSecond() / 3600 - 2) * 3600 - 60;
        long start = end + 60 - 44_640L * 60;
        Path body = Files.createTempFile("backtest-month", ".json");
        Files.writeString(body, BacktestingThroughGatewayTest.body(start, end));
        Http api = Http.to(suite.gatewayUrl()).basicAuth(suite.username(), suite.password());
        long t0 = System.nanoTime();
        Http.Response warmUp = api.postJson("/backtesting/run", Files.readString(body));
        long warmUpMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(warmUp.status()).as(warmUp.toString()).isEqualTo(200);

        List<String> report = new ArrayList<>();
        report.add("first run (candles fetched from sim and stored): " + warmUpMillis + " ms");
        for (String path : List.of("/backtesting/run", "/backtesting/run-backtesting")) {
            List<String> command = List.of("curl", "-s", "-o", "/dev/null", "-w", "%{http_code} %{time_total} %{size_download}\\n",
                    "-u", suite.username() + ":" + suite.password(), "-H", "Content-Type: application/json",
                    "--data-binary", "@" + body, suite.gatewayUrl() + path);
            List<Double> seconds = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
                String out = new String(curl.getInputStream().readAllBytes()).strip();
                curl.waitFor();
                report.add(path + " run " + (i + 1) + ": " + out);
                String[] parts = out.split(" ");
                assertThat(parts[0]).as(out).isEqualTo("200");
                seconds.add(Double.parseDouble(parts[1]));
            }
            List<Double> sorted = seconds.stream().sorted().toList();
            report.add(path + " median " + sorted.get(2) + " s over 5 runs; command: curl -s -o /dev/null -w "
                    + "'%{http_code} %{time_total} %{size_download}\\n' -u USER:PASS -H 'Content-Type: application/json' "
                    + "--data-binary @body.json <gateway>" + path);
        }
        report.add("body: " + Files.readString(body).replaceAll("\\s+", " "));
        Path out = Path.of("target", "backtest-bench.txt");
        Files.write(out, report);
        report.forEach(System.out::println);
    }
}
