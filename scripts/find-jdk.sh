# Sourced by mvnw, run.sh and .ci/run: exports JAVA_HOME pointing at a JDK >= 21.
# Order: an existing JAVA_HOME that is new enough, then JDKs under /usr/lib/jvm (newest first),
# then the `java` on PATH. Fails with a clear message when none qualifies.

aviary_java_major() { # prints the feature version of the java binary $1
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n1
}

aviary_find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV) \
      "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    candidate="${candidate%/}"
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(aviary_java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "Aviary needs a JDK 21 or newer (found none in JAVA_HOME, /usr/lib/jvm or on PATH)." >&2
  echo "Install one (e.g. a Temurin 21+ JDK) and set JAVA_HOME to it." >&2
  return 1
}
