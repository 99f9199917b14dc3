package io.aviary.devstack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reaps the service JVMs and PostgreSQL when the launcher dies without running its shutdown hook (SIGKILL,
 * OOM kill, a test JVM killed by its timeout). A small {@code sh} loop polls the launcher's pid once a second;
 * when it is gone it reads the pid file the suite keeps up to date, checks each pid still belongs to this
 * launcher ({@code -Daviary.devstack.owner=<pid>} on the command line; "postgres" for the database), sends
 * SIGTERM, SIGKILL after 30 s, then a fast shutdown (SIGINT) to PostgreSQL. A clean exit deletes the pid file
 * first, so the watchdog then just ends. In-JVM Kafka and MQTT die with the launcher (Kafka recovers its log
 * on the next start).
 */
final class Watchdog {

    private static final Logger log = LoggerFactory.getLogger(Watchdog.class);

    static final String OWNER_PROPERTY = "aviary.devstack.owner";

    private static final String SCRIPT = """
            trap '' INT HUP
            owner=$1; pidfile=$2
            while kill -0 "$owner" 2>/dev/null; do sleep 1; done
            [ -f "$pidfile" ] || exit 0
            ours() { { tr '\\000' ' ' < "/proc/$1/cmdline" || ps -ww -o args= -p "$1"; } 2>/dev/null | grep -q -- "$2"; }
            svcs=""; pg=""
            while read -r kind pid; do
              case "$kind" in
                service) ours "$pid" "-D%s=$owner" && svcs="$svcs $pid" ;;
                postgres) ours "$pid" "postgres" && pg="$pg $pid" ;;
              esac
            done < "$pidfile"
            for p in $svcs; do kill -TERM "$p" 2>/dev/null; done
            i=0
            while [ $i -lt 30 ]; do
              alive=""; for p in $svcs; do kill -0 "$p" 2>/dev/null && alive="$alive $p"; done
              [ -z "$alive" ] && break
              sleep 1; i=$((i+1))
            done
            for p in $svcs; do kill -KILL "$p" 2>/dev/null; done
            for p in $pg; do kill -INT "$p" 2>/dev/null; done
            rm -f "$pidfile"
            """.formatted(OWNER_PROPERTY);

    private Watchdog() {
    }

    static void start(Path pidFile) {
        try {
            new ProcessBuilder("/bin/sh", "-c", SCRIPT, "aviary-watchdog",
                    Long.toString(ProcessHandle.current().pid()), pidFile.toString())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            log.warn("No watchdog ({}): if this JVM is killed hard, stop the services yourself", e.toString());
        }
    }
}
