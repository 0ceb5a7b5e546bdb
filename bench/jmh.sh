#!/usr/bin/env bash
# Runs the JMH benchmarks of hot code (bench/src/main/java/dev/bulwark/bench/jmh): KMS's symmetric
# ciphertext format and the awsJson1.1 binder, each beside its baseline (plain JDK AES-GCM,
# Jackson alone). Arguments go to JMH, e.g.:
#   bench/jmh.sh                         # everything, with the settings in the annotations
#   bench/jmh.sh SymmetricCiphertext     # one class (a regular expression on benchmark names)
#   bench/jmh.sh -f 1 -wi 1 -i 1 -r 1s   # a quick smoke run
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/scripts/lib/java.sh"
pick_java
(cd "$root" && mvn -q -B -DskipTests -pl bench -am package) >&2
exec "$JAVA_HOME/bin/java" -cp "$root/bench/target/bulwark-bench-0.1.0-SNAPSHOT.jar:$root/bench/target/lib/*" \
  org.openjdk.jmh.Main "$@"
