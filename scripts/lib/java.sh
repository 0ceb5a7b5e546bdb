# Sourced by ./bulwark, ./run-tests and .ci/run: finds a JDK >= 21 and exports JAVA_HOME.
# Order: $JAVA_HOME if it is >= 21, else the newest JDK under /usr/lib/jvm, else java on PATH.

java_major() { # prints the feature version of the java binary given, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1
}

pick_java() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(java_major "$JAVA_HOME/bin/java")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME; return 0
    fi
    echo "bulwark: JAVA_HOME=$JAVA_HOME is Java ${major:-unknown}; looking for a JDK >= 21 instead" >&2
  fi
  for candidate in /usr/lib/jvm/*/; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate/bin/java")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then
      best=${candidate%/}; best_major=$major
    fi
  done
  if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(java_major "$candidate/bin/java")
    [ "${major:-0}" -ge 21 ] 2>/dev/null && best=$candidate
  fi
  if [ -z "$best" ]; then
    echo "bulwark: no JDK 21 or newer found (checked \$JAVA_HOME, /usr/lib/jvm/* and PATH)." >&2
    echo "bulwark: install one (e.g. apt-get install openjdk-21-jdk) or set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME=$best
}
