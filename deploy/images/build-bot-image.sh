#!/usr/bin/env bash
# Builds Aviary's bot image without any registry (infra-feasibility §5), on any Debian/Ubuntu machine with a running
# Docker engine, as root:
#   1. aviary/jre:local  — a minimal Debian root filesystem (debootstrap --variant=minbase from the configured apt
#      mirror) with a Java runtime jlinked from the JDK >= 21 of this machine (Debian bookworm ships no Java 21),
#      imported with `docker import`. Built once; FORCE=1 rebuilds it.
#   2. aviary/bot:local  — deploy/images/bot/Dockerfile on that base with the bot jar and its lib/ (built with ./mvnw when
#      missing), non-root user hummingbot (1000), Hummingbot's /home/hummingbot layout, a JVM healthcheck.
# Settings (environment): JAVA_HOME (jlink source), APT_MIRROR, DEBIAN_SUITE (bookworm), BASE_IMAGE, BOT_IMAGE,
# BOT_JAR, FORCE. Deploy with BOT_RUNTIME=docker; BOT_IMAGE selects another image (e.g. hummingbot/hummingbot).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

BASE_IMAGE=${BASE_IMAGE:-aviary/jre:local}
BOT_IMAGE=${BOT_IMAGE:-aviary/bot:local}
DEBIAN_SUITE=${DEBIAN_SUITE:-bookworm}
BOT_JAR=${BOT_JAR:-bot/target/bot-0.1.0-SNAPSHOT.jar}   # with its libraries in $(dirname BOT_JAR)/lib
# the modules the bot and its libraries use (jdeps cannot see inside a Boot jar), plus jcmd for the healthcheck
JRE_MODULES=java.base,java.sql,java.naming,java.management,java.net.http,java.logging,java.xml,java.desktop,\
java.instrument,java.security.jgss,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.management,jdk.jcmd,jdk.attach

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

build_base() {
  . scripts/find-jdk.sh
  aviary_find_jdk
  command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap >/dev/null; }
  local mirror=${APT_MIRROR:-$(apt_mirror)} work
  work=$(mktemp -d /tmp/aviary-jre-image.XXXXXX)
  cleanup+=("$work")
  say "debootstrap $DEBIAN_SUITE (minbase) from $mirror"
  debootstrap --variant=minbase "$DEBIAN_SUITE" "$work/rootfs" "$mirror" > "$work/debootstrap.log" 2>&1 \
    || { tail -n 20 "$work/debootstrap.log" >&2; exit 1; }
  say "jlink from $JAVA_HOME"
  "$JAVA_HOME/bin/jlink" --add-modules "$JRE_MODULES" --strip-debug --no-header-files --no-man-pages \
    --compress=zip-6 --output "$work/rootfs/opt/java"
  rm -rf "$work/rootfs/var/cache/apt/"* "$work/rootfs/var/lib/apt/lists/"* "$work/rootfs/usr/share/doc/"* \
         "$work/rootfs/usr/share/man/"* "$work/rootfs/usr/share/locale/"*
  say "docker import $BASE_IMAGE"
  tar -C "$work/rootfs" -c . | docker import \
    --change 'ENV JAVA_HOME=/opt/java' \
    --change 'ENV PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'CMD ["java", "-version"]' - "$BASE_IMAGE" >/dev/null
}

if [ -n "${FORCE:-}" ] || ! docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
  build_base
else
  say "$BASE_IMAGE is there (FORCE=1 rebuilds it)"
fi

if [ ! -f "$BOT_JAR" ] || [ ! -d "$(dirname "$BOT_JAR")/lib" ]; then
  say "building $BOT_JAR"
  ./mvnw -B -q -pl bot -am -DskipTests package
fi
context=$(mktemp -d /tmp/aviary-bot-image.XXXXXX)
cleanup+=("$context")
cp deploy/images/bot/Dockerfile "$context/Dockerfile"
cp "$BOT_JAR" "$context/bot.jar"
cp -r "$(dirname "$BOT_JAR")/lib" "$context/lib"
say "docker build $BOT_IMAGE"
DOCKER_BUILDKIT=0 docker build -q --build-arg "BASE_IMAGE=$BASE_IMAGE" -t "$BOT_IMAGE" "$context" >/dev/null
say "done: $(docker image ls --format '{{.Repository}}:{{.Tag}} {{.Size}}' "$BASE_IMAGE") $(docker image ls \
  --format '{{.Repository}}:{{.Tag}} {{.Size}}' "$BOT_IMAGE")"
