#!/usr/bin/env bash
# Starts the whole Aviary suite on this machine: PostgreSQL, Kafka and MQTT (embedded) and every service.
#   ./run.sh            build what is missing or stale, start everything, Ctrl-C stops it all
#   ./run.sh --help     all options
# Needs a JDK 21 or newer (found by itself) and Maven (./mvnw or mvn) for the build.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

die() { echo "run.sh: $*" >&2; exit 1; }

# ---- options run.sh handles itself (everything is also passed on to the launcher)
BUILD=auto
HELP=no
for arg in "$@"; do
  case "$arg" in
    --build) BUILD=always ;;
    --no-build) BUILD=never ;;
    -h|--help) HELP=yes ;;
  esac
done

# ---- a JDK >= 21: JAVA_HOME, then /usr/lib/jvm/* (newest first), then java on the PATH (scripts/find-jdk.sh)
java_major() { # prints the feature version of the java binary $1, or nothing
  local v
  v="$("$1" -version 2>&1 | awk -F'"' '/version/ { print $2; exit }')" || return 0
  [ -n "$v" ] || return 0
  case "$v" in 1.*) v="${v#1.}" ;; esac
  v="${v%%[!0-9]*}"
  echo "$v"
}

JAVA=""
JAVA_MAJOR=0
if [ -f scripts/find-jdk.sh ]; then
  # the same selection as ./mvnw and CI
  # shellcheck source=scripts/find-jdk.sh
  . scripts/find-jdk.sh
  aviary_find_jdk || exit 1
  JAVA="$JAVA_HOME/bin/java"; JAVA_MAJOR="$(java_major "$JAVA")"
else
  consider() { # consider <java binary>: take it if it is >= 21 and nothing was taken yet
    local bin="$1" major
    [ -z "$JAVA" ] && [ -x "$bin" ] || return 0
    major="$(java_major "$bin")"
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      JAVA="$bin"; JAVA_MAJOR="$major"
    fi
  }
  if [ -n "${JAVA_HOME:-}" ]; then consider "$JAVA_HOME/bin/java"; fi
  if [ -z "$JAVA" ]; then
    best="" best_major=0
    for bin in /usr/lib/jvm/*/bin/java /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java; do
      [ -x "$bin" ] || continue
      major="$(java_major "$bin")"
      if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="$bin"; best_major="$major"; fi
    done
    if [ -n "$best" ]; then consider "$best"; fi
  fi
  if [ -z "$JAVA" ] && command -v java >/dev/null 2>&1; then consider "$(command -v java)"; fi
  [ -n "$JAVA" ] || die "no JDK 21 or newer found (looked at JAVA_HOME, /usr/lib/jvm/*, java on the PATH). Install one, or set JAVA_HOME to it."
  JAVA_HOME="$(cd "$(dirname "$JAVA")/.." && pwd)"
  export JAVA_HOME
  JAVA="$JAVA_HOME/bin/java"
fi
[ -n "$JAVA_MAJOR" ] && [ "$JAVA_MAJOR" -ge 21 ] || die "$JAVA is not a JDK 21 or newer"

launcher_jar() {
  local jar
  for jar in devstack/target/devstack-*.jar; do
    case "$jar" in *-sources.jar|*-tests.jar|*-javadoc.jar) continue ;; esac
    [ -f "$jar" ] && { echo "$jar"; return 0; }
  done
  return 0
}

# ---- --help needs no build: the launcher's text lives in its sources
if [ "$HELP" = yes ]; then
  jar="$(launcher_jar)"
  if [ -n "$jar" ]; then
    exec "$JAVA" -jar "$jar" --help
  fi
  sed -e 's/{{JVM_OPTS}}/-XX:TieredStopAtLevel=1 -Xss512k -XX:+UseSerialGC -Xmx384m/' \
      -e 's/{{SERVICES}}/see ServiceSpec.ALL (gateway 8000, services 8101-8106)/' \
      devstack/src/main/resources/io/aviary/devstack/usage.txt
  exit 0
fi

# ---- build when a module's jar is missing or older than its sources (cheap: stops at the first newer file)
stale_module() { # prints the first module that needs a build, if any
  local launcher m jar
  launcher="$(launcher_jar)"
  if [ -z "$launcher" ]; then echo devstack; return 0; fi
  if [ -n "$(find pom.xml -newer "$launcher" 2>/dev/null)" ]; then echo "pom.xml"; return 0; fi
  for m in $(sed -n 's:.*<module>\(.*\)</module>.*:\1:p' pom.xml); do
    [ -f "$m/pom.xml" ] || continue
    grep -q '<packaging>pom</packaging>' "$m/pom.xml" && continue
    jar="$(ls -t "$m"/target/"$m"-*-exec.jar 2>/dev/null | head -n1 || true)"
    [ -n "$jar" ] || jar="$(ls -t "$m"/target/"$m"-*.jar 2>/dev/null | grep -v -e '-sources.jar$' -e '-tests.jar$' | head -n1 || true)"
    if [ -z "$jar" ]; then echo "$m"; return 0; fi
    if [ -n "$(find "$m/pom.xml" "$m/src" -newer "$jar" -print -quit 2>/dev/null)" ]; then echo "$m"; return 0; fi
  done
  return 0
}

if [ "$BUILD" != never ]; then
  reason=""
  if [ "$BUILD" = always ]; then reason="--build"; else reason="$(stale_module)"; fi
  if [ -n "$reason" ]; then
    if [ -x ./mvnw ]; then MVN=(./mvnw); elif command -v mvn >/dev/null 2>&1; then MVN=(mvn); else
      die "a build is needed ($reason) but neither ./mvnw nor mvn was found; install Maven 3.8+"
    fi
    echo "Building Aviary (${MVN[*]} -B -q -DskipTests install; $reason changed, JDK $JAVA_MAJOR at $JAVA_HOME)…"
    t0=$(date +%s)
    if ! "${MVN[@]}" -B -q -DskipTests install; then
      die "the build failed (see above). ./run.sh --no-build starts what was built before."
    fi
    echo "Built in $(( $(date +%s) - t0 )) s."
  fi
fi
JAR="$(launcher_jar)"
[ -n "$JAR" ] || die "devstack/target has no launcher jar; build first: mvn -B -DskipTests install"

# ---- the launcher JVM hosts Kafka and the MQTT broker: quick start-up flags, its own CDS archive (JDK 19+)
OPTS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx1g --enable-native-access=ALL-UNNAMED)
if [ "$JAVA_MAJOR" -ge 19 ]; then
  OPTS+=(-XX:+AutoCreateSharedArchive "-XX:SharedArchiveFile=$ROOT/devstack/target/devstack-launcher.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off)
fi
if [ "$JAVA_MAJOR" -ge 23 ]; then OPTS+=(--sun-misc-unsafe-memory-access=allow); fi
# shellcheck disable=SC2206
if [ -n "${AVIARY_LAUNCHER_OPTS:-}" ]; then OPTS+=(${AVIARY_LAUNCHER_OPTS}); fi

ARGS=()
for arg in "$@"; do
  case "$arg" in --build|--no-build) ;; *) ARGS+=("$arg") ;; esac
done

CMD=("$JAVA" "${OPTS[@]}" "-Daviary.repo=$ROOT" -jar "$JAR" ${ARGS[@]+"${ARGS[@]}"})
if command -v setsid >/dev/null 2>&1; then
  # The launcher runs in its own session, so Ctrl-C reaches only this script, which asks the launcher to stop
  # (SIGTERM). The launcher then stops the services first and PostgreSQL last, instead of the terminal's SIGINT
  # hitting every process (PostgreSQL included) at once.
  setsid "${CMD[@]}" &
  pid=$!
  stop_signal=""
  trap 'stop_signal=130; kill -TERM "$pid" 2>/dev/null || true' INT
  trap 'stop_signal=143; kill -TERM "$pid" 2>/dev/null || true' TERM HUP
  status=0
  while :; do
    wait "$pid" && status=0 || status=$?
    kill -0 "$pid" 2>/dev/null || break
  done
  # stopped on request: report the signal we got (130 for Ctrl-C), not the launcher's own 143
  if [ -n "$stop_signal" ] && [ "$status" -eq 143 ]; then status="$stop_signal"; fi
  exit "$status"
else
  exec "${CMD[@]}"
fi
