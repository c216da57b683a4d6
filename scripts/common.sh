# Shared by ./mvnw and ./waymark: pick a JDK >= 21 and a Maven >= 3.9.
# Sourced, not executed.

WAYMARK_MIN_JAVA=21
WAYMARK_MAVEN_VERSION=3.9.16

waymark_log() { printf 'waymark: %s\n' "$*" >&2; }

# Prints the feature version (17, 21, 25, ...) of the java binary given, or nothing.
waymark_java_version() {
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

# Sets JAVA_HOME to a JDK >= 21: $JAVA_HOME first, then `java` on PATH, then the newest under
# /usr/lib/jvm (Debian, Temurin packages) or /opt/java. Exits with a clear message when none exists.
waymark_pick_jdk() {
  local candidates=() c v best="" best_v=0
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    c=$(readlink -f "$(command -v java)"); candidates+=("${c%/bin/java}")
  fi
  for c in /usr/lib/jvm/* /opt/java/*; do [ -x "$c/bin/javac" ] && candidates+=("$c"); done
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    v=$(waymark_java_version "$c/bin/java")
    [ -n "$v" ] || continue
    # $JAVA_HOME wins when it is new enough; otherwise take the newest found.
    if [ "$c" = "${JAVA_HOME:-}" ] && [ "$v" -ge "$WAYMARK_MIN_JAVA" ]; then best="$c"; best_v="$v"; break; fi
    if [ "$v" -gt "$best_v" ]; then best="$c"; best_v="$v"; fi
  done
  if [ -z "$best" ] || [ "$best_v" -lt "$WAYMARK_MIN_JAVA" ]; then
    waymark_log "no JDK >= $WAYMARK_MIN_JAVA found (looked at \$JAVA_HOME, java on PATH, /usr/lib/jvm, /opt/java)."
    waymark_log "install one (e.g. apt-get install openjdk-21-jdk-headless) or set JAVA_HOME to it."
    exit 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
  if [ -z "${WAYMARK_JDK_SAID:-}" ]; then
    waymark_log "using JDK $best_v at $JAVA_HOME"
    export WAYMARK_JDK_SAID=1
  fi
}

# Sets WAYMARK_MVN to a Maven >= 3.9. The machine's `mvn` is used when new enough; otherwise it is used
# once, as an ordinary Maven client, to fetch Maven $WAYMARK_MAVEN_VERSION from the Maven repository,
# which is unpacked under ~/.m2/waymark/.
waymark_pick_maven() {
  local v home repo tgz
  if command -v mvn >/dev/null 2>&1; then
    v=$(mvn -v 2>/dev/null | sed -n 's/.*Apache Maven \([0-9]*\)\.\([0-9]*\).*/\1 \2/p' | head -n 1)
    if [ -n "$v" ] && { [ "${v% *}" -gt 3 ] || [ "${v#* }" -ge 9 ]; }; then WAYMARK_MVN=mvn; return; fi
  fi
  home="$HOME/.m2/waymark/apache-maven-$WAYMARK_MAVEN_VERSION"
  if [ ! -x "$home/bin/mvn" ]; then
    command -v mvn >/dev/null 2>&1 || { waymark_log "no Maven found: install Maven (apt-get install maven)."; exit 1; }
    waymark_log "fetching Maven $WAYMARK_MAVEN_VERSION (the machine's Maven is older than 3.9)"
    (cd "${TMPDIR:-/tmp}" && mvn -q -B dependency:get -Dtransitive=false \
        "-Dartifact=org.apache.maven:apache-maven:$WAYMARK_MAVEN_VERSION:tar.gz:bin") >&2 \
      || { waymark_log "could not fetch Maven $WAYMARK_MAVEN_VERSION"; exit 1; }
    repo=$(cd "${TMPDIR:-/tmp}" && mvn -q -B -Dstyle.color=never help:evaluate -Dexpression=settings.localRepository -DforceStdout 2>/dev/null \
      | sed -e 's/\x1b\[[0-9;]*m//g' -e 's/\\033\[[0-9;]*m//g' | tail -n 1)
    tgz="${repo:-$HOME/.m2/repository}/org/apache/maven/apache-maven/$WAYMARK_MAVEN_VERSION/apache-maven-$WAYMARK_MAVEN_VERSION-bin.tar.gz"
    mkdir -p "$HOME/.m2/waymark"
    tar -xzf "$tgz" -C "$HOME/.m2/waymark" || { waymark_log "could not unpack $tgz"; exit 1; }
  fi
  WAYMARK_MVN="$home/bin/mvn"
}
