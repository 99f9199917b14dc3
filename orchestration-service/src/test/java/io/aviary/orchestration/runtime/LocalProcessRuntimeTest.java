package io.aviary.orchestration.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.orchestration.domain.BotRuntimeDriver.BotResources;
import io.aviary.orchestration.domain.BotRuntimeDriver.RuntimeState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local-process runtime with real child processes ({@code sh} and {@code sleep}) standing in for the bot jar. */
class LocalProcessRuntimeTest {

    /** Prints its environment to the log, then becomes a process that ends on SIGTERM. */
    private static final Function<Path, List<String>> POLITE_BOT =
            folder -> List.of("sh", "-c", "env; echo folder=$0; exec sleep 600", folder.toString());
    /** Ignores SIGTERM, so only the kill after the grace period ends it. */
    private static final Function<Path, List<String>> STUBBORN_BOT =
            folder -> List.of("sh", "-c", "trap '' TERM; exec sleep 600");

    @TempDir
    Path instances;

    private final List<ProcessHandle> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void startsTheBotWithOnlyItsEnvironmentLogsToTheFolderAndStopsItWithSigterm() throws Exception {
        LocalProcessRuntime runtime = new LocalProcessRuntime(POLITE_BOT, Duration.ofSeconds(10), instances);
        Path folder = instance("bot_a-20261206-101500");
        runtime.start("bot_a-20261206-101500", folder, Map.of("SCRIPT_CONFIG", "bot_a-20261206-101500.yml",
                "CONFIG_PASSWORD", "pw"), BotResources.defaults());
        ProcessHandle process = handle(runtime, "bot_a-20261206-101500");

        assertThat(runtime.state("bot_a-20261206-101500")).contains(RuntimeState.RUNNING);
        assertThat(runtime.bots()).containsExactly("bot_a-20261206-101500");
        assertThat(Files.readString(folder.resolve(LocalProcessRuntime.PID_FILE))).startsWith(process.pid() + " ");
        String log = awaitLog(folder, "folder=");
        assertThat(log).contains("SCRIPT_CONFIG=bot_a-20261206-101500.yml", "CONFIG_PASSWORD=pw",
                "folder=" + folder);
        assertThat(environmentNames(log)).as("nothing of orchestration's environment but what a JVM needs")
                .isSubsetOf(union(LocalProcessRuntime.INHERITED, Set.of("SCRIPT_CONFIG", "CONFIG_PASSWORD",
                        "PWD", "SHLVL", "_", "OLDPWD")));

        Instant before = Instant.now();
        runtime.stop("bot_a-20261206-101500");
        assertThat(process.isAlive()).isFalse();
        assertThat(Duration.between(before, Instant.now())).as("SIGTERM, not the kill after the grace")
                .isLessThan(Duration.ofSeconds(10));
        assertThat(runtime.state("bot_a-20261206-101500")).contains(RuntimeState.EXITED);

        runtime.remove("bot_a-20261206-101500");
        assertThat(runtime.state("bot_a-20261206-101500")).isEmpty();
        assertThat(folder.resolve(LocalProcessRuntime.PID_FILE)).doesNotExist();
        assertThat(runtime.bots()).isEmpty();
    }

    @Test
    void aBotThatIgnoresSigtermIsKilledAfterTheGracePeriod() throws Exception {
        LocalProcessRuntime runtime = new LocalProcessRuntime(STUBBORN_BOT, Duration.ofMillis(500), instances);
        Path folder = instance("stubborn");
        runtime.start("stubborn", folder, Map.of(), BotResources.defaults());
        ProcessHandle process = handle(runtime, "stubborn");
        Thread.sleep(300); // let sh install the trap before the SIGTERM arrives

        runtime.stop("stubborn");

        assertThat(process.isAlive()).isFalse();
        assertThat(runtime.state("stubborn")).contains(RuntimeState.EXITED);
    }

    @Test
    void aNewRuntimeReadoptsBotsStillRunningAndIgnoresDeadOrReusedPids() throws Exception {
        LocalProcessRuntime first = new LocalProcessRuntime(POLITE_BOT, Duration.ofSeconds(10), instances);
        Path folder = instance("survivor");
        first.start("survivor", folder, Map.of(), BotResources.defaults());
        ProcessHandle process = handle(first, "survivor");
        // a bot whose process has ended, and a PID file whose PID now belongs to another process (this JVM)
        Files.writeString(instance("dead").resolve(LocalProcessRuntime.PID_FILE), deadPid() + " "
                + Instant.now() + "\n");
        Files.writeString(instance("reused").resolve(LocalProcessRuntime.PID_FILE), ProcessHandle.current().pid()
                + " 2001-01-01T00:00:00Z\n");

        // orchestration-service restarts: a new runtime over the same folders
        LocalProcessRuntime second = new LocalProcessRuntime(POLITE_BOT, Duration.ofSeconds(10), instances);

        assertThat(second.bots()).containsExactly("survivor");
        assertThat(second.pid("survivor")).contains(process.pid());
        assertThat(second.state("survivor")).contains(RuntimeState.RUNNING);
        assertThatThrownBy(() -> second.start("survivor", folder, Map.of(), BotResources.defaults()))
                .as("no second process for a bot that runs").hasMessageContaining("runs already");

        second.stop("survivor");
        assertThat(process.isAlive()).isFalse();
        assertThat(second.state("survivor")).contains(RuntimeState.EXITED);
    }

    @Test
    void replicasOnOneHostShareABotThroughItsPidFileWithoutEverStartingItTwice() throws Exception {
        // two orchestration-service replicas, both up before the bot is deployed (no adoption at start-up)
        LocalProcessRuntime starter = new LocalProcessRuntime(POLITE_BOT, Duration.ofSeconds(10), instances);
        LocalProcessRuntime other = new LocalProcessRuntime(POLITE_BOT, Duration.ofSeconds(10), instances);
        Path folder = instance("shared");
        starter.start("shared", folder, Map.of(), BotResources.defaults());
        ProcessHandle first = handle(starter, "shared");

        assertThat(other.state("shared")).as("the other replica sees it run, not ended").contains(RuntimeState.RUNNING);
        assertThat(other.pid("shared")).contains(first.pid());
        assertThatThrownBy(() -> other.start("shared", folder, Map.of(), BotResources.defaults()))
                .hasMessageContaining("runs already");

        // its process dies; the other replica (the supervisor) starts it again, and the starter follows
        first.destroyForcibly();
        first.onExit().get(10, TimeUnit.SECONDS);
        assertThat(other.state("shared")).contains(RuntimeState.EXITED);
        other.remove("shared");
        other.start("shared", folder, Map.of(), BotResources.defaults());
        ProcessHandle second = handle(other, "shared");
        assertThat(starter.state("shared")).contains(RuntimeState.RUNNING);
        assertThat(starter.pid("shared")).contains(second.pid());

        starter.stop("shared");
        assertThat(second.isAlive()).as("stopped by a replica that is not its parent").isFalse();
        assertThat(other.state("shared")).contains(RuntimeState.EXITED);
        assertThat(starter.state("nobody")).as("a bot without a folder").isEmpty();
        assertThat(starter.state("../shared")).as("only folders of bots/instances").isEmpty();
    }

    private Path instance(String name) throws IOException {
        return Files.createDirectories(instances.resolve(name));
    }

    private ProcessHandle handle(LocalProcessRuntime runtime, String bot) {
        ProcessHandle process = ProcessHandle.of(runtime.pid(bot).orElseThrow()).orElseThrow();
        started.add(process);
        return process;
    }

    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor(10, TimeUnit.SECONDS);
        return process.pid();
    }

    private static String awaitLog(Path folder, String marker) throws Exception {
        Path log = folder.resolve(LocalProcessRuntime.LOG_FILE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Optional<String> text = Files.exists(log) ? Optional.of(Files.readString(log)) : Optional.empty();
            if (text.isPresent() && text.get().contains(marker)) {
                return text.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the bot wrote no '" + marker + "' to " + log);
    }

    private static List<String> environmentNames(String log) {
        return log.lines().filter(line -> line.matches("[A-Za-z_][A-Za-z0-9_]*=.*"))
                .filter(line -> !line.startsWith("folder="))
                .map(line -> line.substring(0, line.indexOf('='))).toList();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
