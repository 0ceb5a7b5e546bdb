#!/usr/bin/env bash
# Measures Bulwark's start-up (process start -> /_bulwark/health answers 200) and idle memory,
# against a baseline measured in the same run: a bare JVM starting and exiting (java -version).
# Usage: bench/startup.sh [runs]   (default 10). Loopback only; stops what it starts.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/scripts/lib/java.sh"
pick_java
runs=${1:-10}
jar="$root/server/target/bulwark.jar"
[ -f "$jar" ] || (cd "$root" && mvn -q -B -DskipTests -pl server -am package)
java="$JAVA_HOME/bin/java"
archive="$root/server/target/bulwark-serve.jsa"
# Measure what users get: ./bulwark serve, which prepares the class-data archive first.
prep=$(mktemp -d); "$root/bulwark" serve --data "$prep/data" --port 0 --exit-when-ready >/dev/null; rm -rf "$prep"
cds=(-XX:SharedArchiveFile="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off)

now_ms() { date +%s%3N; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Warm the page cache once; not counted.
warm=$(mktemp -d); port=$(free_port)
"$java" "${cds[@]}" -jar "$jar" serve --data "$warm/data" --port "$port" >/dev/null 2>&1 & pid=$!
until curl -sf "http://127.0.0.1:$port/_bulwark/health" >/dev/null 2>&1; do sleep 0.05; done
kill "$pid"; wait "$pid" 2>/dev/null || true; rm -rf "$warm"

jvm_total=0; first_total=0; restart_total=0; rss_total=0
for i in $(seq 1 "$runs"); do
  t0=$(now_ms); "$java" -Xshare:auto -version >/dev/null 2>&1; t1=$(now_ms)
  jvm_total=$((jvm_total + t1 - t0))

  data=$(mktemp -d)
  for phase in first restart; do
    port=$(free_port)
    t0=$(now_ms)
    "$java" "${cds[@]}" -jar "$jar" serve --data "$data/data" --port "$port" >/dev/null 2>&1 & pid=$!
    until curl -sf "http://127.0.0.1:$port/_bulwark/health" >/dev/null 2>&1; do sleep 0.005; done
    t1=$(now_ms)
    if [ "$phase" = first ]; then first_total=$((first_total + t1 - t0)); else
      restart_total=$((restart_total + t1 - t0))
      sleep 2
      rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
      rss_total=$((rss_total + rss))
    fi
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
  rm -rf "$data"
done

jvm=$((jvm_total / runs)); first=$((first_total / runs)); restart=$((restart_total / runs)); rss=$((rss_total / runs / 1024))
echo "runs: $runs   java: $("$java" -version 2>&1 | head -n1)"
echo "baseline: bare JVM start+exit (java -version): ${jvm} ms"
echo "bulwark ready, first start (creates store, root key, identity): ${first} ms  ($(python3 -c "print(f'{$first/$jvm:.1f}')")x baseline)"
echo "bulwark ready, restart on existing data:                      ${restart} ms  ($(python3 -c "print(f'{$restart/$jvm:.1f}')")x baseline)"
echo "idle resident memory 2 s after ready: ${rss} MiB"
