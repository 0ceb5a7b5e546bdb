package dev.bulwark.bench;

import dev.bulwark.testing.BulwarkTestServer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The HTTP load generator: drives one Bulwark (in this JVM, on a loopback port) with real,
 * SigV4-signed AWS SDK calls from N threads for a fixed time, per scenario, and prints throughput
 * and latency percentiles. The first scenario given is the baseline; every other is reported as a
 * ratio to it, measured in the same run at the same concurrency.
 *
 * <p>Usage: {@code bench/load.sh [--threads N[,N...]] [--seconds S] [--warmup S] scenario...}
 * (scenarios: {@link Scenarios#NAMES}; by default the baseline and KMS's three hot operations).
 * Bounded in time; stops by itself.
 *
 * <p>Connections are kept alive: each thread's SDK client uses the JDK's HttpURLConnection, whose
 * keep-alive cache holds only 5 idle connections per server unless told otherwise; with more
 * threads than that, most calls would open a new TCP connection and measure the handshake. The
 * cache is therefore sized for the largest thread count before the first connection is made.
 */
public final class LoadGenerator {
    private static final List<String> DEFAULT_SCENARIOS = List.of(Scenarios.BASELINE, "kms-encrypt", "kms-decrypt",
            "kms-generate-data-key");

    /** One measured run of a scenario. */
    record Result(String scenario, long calls, double seconds, long[] latenciesNanos) {
        double throughput() {
            return calls / seconds;
        }

        double percentileMillis(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(latenciesNanos.length - 1, Math.ceil(p / 100.0 * latenciesNanos.length) - 1);
            return latenciesNanos[Math.max(0, index)] / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        int[] threadCounts = {8};
        int seconds = 10;
        int warmup = 5;
        List<String> scenarios = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threadCounts = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                default -> scenarios.add(args[i]);
            }
        }
        if (scenarios.isEmpty()) {
            scenarios = DEFAULT_SCENARIOS;
        }
        int mostThreads = Arrays.stream(threadCounts).max().orElseThrow();
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", Integer.toString(Math.max(5, mostThreads * 2)));
        }
        try (BulwarkTestServer server = BulwarkTestServer.start()) {
            List<Supplier<Runnable>> prepared = new ArrayList<>();
            for (String name : scenarios) {
                prepared.add(Scenarios.prepare(name, server));
            }
            for (int threads : threadCounts) {
                List<Result> results = new ArrayList<>();
                for (int s = 0; s < scenarios.size(); s++) {
                    run(prepared.get(s), threads, warmup);
                    Measurement measured = run(prepared.get(s), threads, seconds);
                    results.add(new Result(scenarios.get(s), measured.calls(), measured.seconds(), measured.latenciesNanos()));
                }
                print(results, threads, seconds);
            }
        }
    }

    /** Runs {@code threads} callers for {@code seconds}; returns every call's latency. */
    private static Measurement run(Supplier<Runnable> calls, int threads, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Latencies[] perThread = new Latencies[threads];
        CountDownLatch done = new CountDownLatch(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Latencies latencies = new Latencies();
            perThread[t] = latencies;
            Runnable call = calls.get();
            Thread.ofPlatform().name("load-" + t).start(() -> {
                try {
                    while (System.nanoTime() < deadline) {
                        long before = System.nanoTime();
                        call.run();
                        latencies.add(System.nanoTime() - before);
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = Arrays.stream(perThread).flatMapToLong(latencies -> Arrays.stream(latencies.values())).sorted().toArray();
        return new Measurement(all.length, elapsed, all);
    }

    record Measurement(long calls, double seconds, long[] latenciesNanos) {
    }

    /** One thread's latencies, in a growing array: no boxing, no cap on how many calls a run makes. */
    private static final class Latencies {
        private long[] values = new long[1 << 12];
        private int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        long[] values() {
            return Arrays.copyOf(values, size);
        }
    }

    private static void print(List<Result> results, int threads, int seconds) {
        Result baseline = results.get(0);
        System.out.printf(Locale.ROOT, "%nthreads: %d, %d s per scenario, %d cores, Java %s%n",
                threads, seconds, Runtime.getRuntime().availableProcessors(), Runtime.version());
        if (results.stream().anyMatch(result -> result.scenario().equals(Scenarios.BASELINE))) {
            System.out.println(Scenarios.BASELINE + " is GET /_bulwark/health from the JDK HttpClient: unsigned, a fixed body;"
                    + " every other scenario is a SigV4-signed AWS SDK call.");
        }
        System.out.println("| Scenario | calls/s | ratio to " + baseline.scenario() + " | p50 ms | p99 ms |");
        System.out.println("| --- | --- | --- | --- | --- |");
        for (Result result : results) {
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.2fx | %.2f | %.2f |%n", result.scenario(),
                    result.throughput(), result.throughput() / baseline.throughput(),
                    result.percentileMillis(50), result.percentileMillis(99));
        }
    }
}
