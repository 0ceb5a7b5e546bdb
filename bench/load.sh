#!/usr/bin/env bash
# Runs the HTTP load generator (bench/src/main/java/dev/bulwark/bench/LoadGenerator.java):
# an in-process Bulwark on loopback driven by kept-alive AWS SDK clients, one per thread. The
# first scenario is the baseline the others are compared with, at each concurrency. Example:
#   bench/load.sh --threads 1,32 --seconds 10 health-fixed-body kms-encrypt kms-decrypt kms-generate-data-key
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/scripts/lib/java.sh"
pick_java
(cd "$root" && mvn -q -B -DskipTests -pl bench -am package) >&2
exec "$JAVA_HOME/bin/java" -cp "$root/bench/target/bulwark-bench-0.1.0-SNAPSHOT.jar:$root/bench/target/lib/*" \
  dev.bulwark.bench.LoadGenerator "$@"
