#!/usr/bin/env bash
# Builds Aviary's bot image (aviary/bot:local, on the local JRE base aviary/jre:local) without any registry.
# Kept for the commands and docs that name it; build-images.sh builds every image and documents the settings
# (BOT_IMAGE, BOT_JAR, BASE_IMAGE, JAVA_HOME, APT_MIRROR, DEBIAN_SUITE, FORCE). Deploy with BOT_RUNTIME=docker;
# BOT_IMAGE selects another image (e.g. hummingbot/hummingbot).
exec "$(dirname "${BASH_SOURCE[0]}")/build-images.sh" bot
