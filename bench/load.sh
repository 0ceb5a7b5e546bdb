#!/usr/bin/env bash
# Runs the HTTP load generator (bench/src/main/java/dev/bulwark/bench/LoadGenerator.java):
# an in-process Bulwark on loopback driven by AWS SDK clients. The first scenario is the
# baseline the others are compared with. Example:
#   bench/load.sh --threads 8 --seconds 10 sts-get-caller-identity kms-encrypt kms-decrypt
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/scripts/lib/java.sh"
pick_java
(cd "$root" && mvn -q -B -DskipTests -pl bench -am package) >&2
exec "$JAVA_HOME/bin/java" -cp "$root/bench/target/bulwark-bench-0.1.0-SNAPSHOT.jar:$root/bench/target/lib/*" \
  dev.bulwark.bench.LoadGenerator "$@"
