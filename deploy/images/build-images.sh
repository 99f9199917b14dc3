#!/usr/bin/env bash
# Builds Aviary's container images without any registry (infra-feasibility §5), on any Debian/Ubuntu machine with a
# running Docker engine, as root:
#   deploy/images/build-images.sh                 every image below
#   deploy/images/build-images.sh gateway bot     only these (the base is built first when missing)
#
#   aviary/jre:local       the shared base: a minimal Debian root filesystem (debootstrap --variant=minbase from the
#                          configured apt mirror) with a Java runtime jlinked from the JDK >= 21 of this machine
#                          (Debian bookworm ships no Java 21), imported with `docker import`. Built once; FORCE=1
#                          rebuilds it.
#   aviary/<module>:local  gateway, accounts-service, trading-service, market-data-service, orchestration-service,
#                          backtesting-service, archive-service, sim-exchange: the Boot exec jar, extracted (lib/ in
#                          its own layer, so a code change rebuilds only the small application layer), user 1000,
#                          HEALTHCHECK on /actuator/health (deploy/images/service/Dockerfile)
#   aviary/bot:local       the bot jar and its lib/, Hummingbot's /home/hummingbot layout (deploy/images/bot/Dockerfile)
#   aviary/devstack:local  the devstack launcher: `--provision-topics` (compose's topic init step) and, in the local
#                          compose override, a KRaft Kafka broker run from the same Apache Kafka jars
#   aviary/infra:local     Debian's postgresql, mosquitto and prometheus packages (debootstrap --include, no JRE): the
#                          local stand-ins for the upstream postgres, eclipse-mosquitto and prom/prometheus images
# The jars are built with ./mvnw when missing (package them first to pick up changes).
# Settings (environment): JAVA_HOME (jlink source), APT_MIRROR, DEBIAN_SUITE (bookworm), BASE_IMAGE, BOT_IMAGE,
# BOT_JAR, IMAGE_TAG (local), FORCE (rebuild aviary/jre:local and aviary/infra:local).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

IMAGE_TAG=${IMAGE_TAG:-local}
BASE_IMAGE=${BASE_IMAGE:-aviary/jre:$IMAGE_TAG}
BOT_IMAGE=${BOT_IMAGE:-aviary/bot:$IMAGE_TAG}
INFRA_IMAGE=aviary/infra:$IMAGE_TAG
DEBIAN_SUITE=${DEBIAN_SUITE:-bookworm}
BOT_JAR=${BOT_JAR:-bot/target/bot-0.1.0-SNAPSHOT.jar}   # with its libraries in $(dirname BOT_JAR)/lib
# the modules the services, Kafka and the bot use (jdeps cannot see inside a Boot jar; jdk.net: docker-java's unix
# socket in orchestration-service; the last five are insurance for libraries loaded late), plus jcmd for the bot's check
JRE_MODULES=java.base,java.sql,java.naming,java.management,java.net.http,java.logging,java.xml,java.desktop,\
java.instrument,java.security.jgss,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.management,jdk.jcmd,jdk.attach,jdk.net,\
jdk.naming.dns,jdk.security.auth,java.scripting,java.rmi,java.compiler
SERVICES=(gateway accounts-service trading-service market-data-service orchestration-service backtesting-service
          archive-service sim-exchange)
# Debian packages of the local infrastructure image (the upstream images' stand-ins)
INFRA_PACKAGES=postgresql,mosquitto,mosquitto-clients,prometheus,ca-certificates

cleanup=()
trap 'rm -rf "${cleanup[@]}"' EXIT
say() { printf '%s %s\n' "$(date +%T)" "$*"; }
docker info >/dev/null 2>&1 || { echo "no Docker engine answers: start dockerd first" >&2; exit 1; }

# The apt mirror this machine is configured with (deb822 .sources or a classic sources.list line).
apt_mirror() {
  local uri
  uri=$(grep -hsE '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v security | head -n 1 || true)
  [ -n "$uri" ] || uri=$(grep -hsE '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
                          | grep -v security | awk '{print $2}' | head -n 1 || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

# debootstrap (minbase, plus $2's packages) into a fresh directory; prints the root filesystem's path.
debian_rootfs() {
  local name=$1 include=${2:-} mirror=${APT_MIRROR:-$(apt_mirror)} work
  command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap >/dev/null; }
  work=$(mktemp -d "/tmp/aviary-$name-image.XXXXXX")
  cleanup+=("$work")
  say "debootstrap $DEBIAN_SUITE (minbase${include:+ + $include}) from $mirror" >&2
  debootstrap --variant=minbase ${include:+--include=$include} "$DEBIAN_SUITE" "$work/rootfs" "$mirror" \
    > "$work/debootstrap.log" 2>&1 || { tail -n 20 "$work/debootstrap.log" >&2; exit 1; }
  echo "$work/rootfs"
}

slim() { # drops what no container reads: apt's caches and lists, docs, man pages, locales
  rm -rf "$1/var/cache/apt/"* "$1/var/lib/apt/lists/"* "$1/usr/share/doc/"* "$1/usr/share/man/"* \
         "$1/usr/share/locale/"*
}

build_base() {
  . scripts/find-jdk.sh
  aviary_find_jdk
  local rootfs
  rootfs=$(debian_rootfs jre)
  say "jlink from $JAVA_HOME"
  "$JAVA_HOME/bin/jlink" --add-modules "$JRE_MODULES" --strip-debug --no-header-files --no-man-pages \
    --compress=zip-6 --output "$rootfs/opt/java"
  slim "$rootfs"
  say "docker import $BASE_IMAGE"
  tar -C "$rootfs" -c . | docker import \
    --change 'ENV JAVA_HOME=/opt/java' \
    --change 'ENV PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'CMD ["java", "-version"]' - "$BASE_IMAGE" >/dev/null
}

base_ready=""
ensure_base() { # once per run: with FORCE=1 rebuilt, else only when missing
  [ -z "$base_ready" ] || return 0
  if [ -n "${FORCE:-}" ] || ! docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
    build_base
  fi
  base_ready=yes
}

# A build context in a temporary directory; docker build of $1 from it.
new_context() {
  local context
  context=$(mktemp -d /tmp/aviary-image-context.XXXXXX)
  cleanup+=("$context")
  echo "$context"
}

docker_build() { # docker_build <image> <context>
  say "docker build $1"
  DOCKER_BUILDKIT=0 docker build -q --build-arg "BASE_IMAGE=$BASE_IMAGE" -t "$1" "$2" >/dev/null
}

maven_package() { # maven_package <module>: builds the module's jars when its target/ has none
  say "building $1 (./mvnw package)"
  ./mvnw -B -q -pl "$1" -am -DskipTests package
}

build_bot() {
  if [ ! -f "$BOT_JAR" ] || [ ! -d "$(dirname "$BOT_JAR")/lib" ]; then maven_package bot; fi
  local context
  context=$(new_context)
  cp deploy/images/bot/Dockerfile "$context/Dockerfile"
  cp "$BOT_JAR" "$context/bot.jar"
  cp -r "$(dirname "$BOT_JAR")/lib" "$context/lib"
  docker_build "$BOT_IMAGE" "$context"
}

exec_jar() { ls "$1"/target/"$1"-*-exec.jar 2>/dev/null | head -n 1 || true; }

build_service() { # a Boot service: its exec jar extracted into app.jar + lib/ (Boot's own `extract` jar mode)
  local module=$1 jar context
  jar=$(exec_jar "$module")
  if [ -z "$jar" ]; then maven_package "$module"; jar=$(exec_jar "$module"); fi
  context=$(new_context)
  . scripts/find-jdk.sh
  aviary_find_jdk
  "$JAVA_HOME/bin/java" -Djarmode=tools -jar "$jar" extract --destination "$context/app" >/dev/null
  mv "$context/app/$(basename "$jar")" "$context/app/app.jar"
  cp deploy/images/service/Dockerfile deploy/images/service/healthcheck "$context/"
  docker_build "aviary/$module:$IMAGE_TAG" "$context"
}

build_devstack() { # the launcher and its lib/, without what neither the topic step nor Kafka loads
  local launcher context
  launcher=$(ls devstack/target/devstack-*.jar 2>/dev/null | grep -v -e '-sources.jar$' -e '-tests.jar$' | head -n 1 || true)
  if [ -z "$launcher" ] || [ ! -d devstack/target/lib ]; then
    maven_package devstack
    launcher=$(ls devstack/target/devstack-*.jar | grep -v -e '-sources.jar$' -e '-tests.jar$' | head -n 1)
  fi
  context=$(new_context)
  mkdir -p "$context/lib"
  # embedded PostgreSQL binaries (zonky) and HiveMQ's storage are for ./run.sh's embedded infrastructure only
  find devstack/target/lib -name '*.jar' ! -name 'embedded-postgres-binaries-*' ! -name 'rocksdbjni-*' \
    -exec cp {} "$context/lib/" \;
  cp "$launcher" "$context/devstack.jar"
  cp deploy/images/devstack/Dockerfile deploy/images/devstack/kafka-kraft deploy/images/devstack/kafka-logback.xml "$context/"
  docker_build "aviary/devstack:$IMAGE_TAG" "$context"
}

build_infra() { # Debian's own packages, no JRE: imported once (FORCE=1 rebuilds), then the entry scripts on top
  local base=aviary/infra-debian:$IMAGE_TAG rootfs context
  if [ -n "${FORCE:-}" ] || ! docker image inspect "$base" >/dev/null 2>&1; then
    rootfs=$(debian_rootfs infra "$INFRA_PACKAGES")
    # the package scripts made a default cluster and started nothing; the entry script makes its own on a volume
    rm -rf "$rootfs/var/lib/postgresql/"* "$rootfs/etc/postgresql/"*
    # PostgreSQL's LLVM JIT (libLLVM, z3, bitcode: ~155 MB; aviary-postgres runs with jit=off), promtool, locale sources
    rm -rf "$rootfs"/usr/lib/x86_64-linux-gnu/libLLVM-*.so* "$rootfs"/usr/lib/x86_64-linux-gnu/libz3.so* \
           "$rootfs"/usr/lib/postgresql/*/lib/llvmjit* "$rootfs"/usr/lib/postgresql/*/lib/bitcode \
           "$rootfs/usr/bin/promtool" "$rootfs/usr/share/i18n"
    slim "$rootfs"
    say "docker import $base"
    tar -C "$rootfs" -c . | docker import --change 'ENV LANG=C.UTF-8' - "$base" >/dev/null
  fi
  context=$(new_context)
  cp deploy/images/infra/Dockerfile deploy/images/infra/postgres "$context/"
  say "docker build $INFRA_IMAGE"
  DOCKER_BUILDKIT=0 docker build -q --build-arg "BASE_IMAGE=$base" -t "$INFRA_IMAGE" "$context" >/dev/null
}

build() {
  case "$1" in
    jre) [ -n "$base_ready" ] || { build_base; base_ready=yes; } ;;
    bot) ensure_base; build_bot ;;
    devstack) ensure_base; build_devstack ;;
    infra) build_infra ;;
    *) local known=" ${SERVICES[*]} "
       [[ "$known" == *" $1 "* ]] || { echo "unknown image '$1'; known: jre bot devstack infra ${SERVICES[*]}" >&2; exit 2; }
       ensure_base; build_service "$1" ;;
  esac
}

names=("$@")
[ ${#names[@]} -gt 0 ] || names=(bot devstack infra "${SERVICES[@]}")
for name in "${names[@]}"; do build "$name"; done
say "done:"
docker image ls --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -E "^aviary/[a-z-]+:$IMAGE_TAG " | sed 's/^/  /' || true
