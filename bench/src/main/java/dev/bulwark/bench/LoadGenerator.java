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
 * The HTTP load generator: drives one Bulwark (in this JVM, on a loopback port) with real AWS
 * SDK clients from N threads for a fixed time, per scenario, and prints throughput and latency
 * percentiles. The first scenario given is the baseline; every other is reported as a ratio to
 * it, measured in the same run.
 *
 * <p>Usage: {@code bench/load.sh [--threads N] [--seconds S] [--warmup S] scenario...}
 * (scenarios: {@link Scenarios#NAMES}). Bounded in time; stops by itself.
 */
public final class LoadGenerator {

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
        int threads = 8;
        int seconds = 10;
        int warmup = 5;
        List<String> scenarios = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                default -> scenarios.add(args[i]);
            }
        }
        if (scenarios.isEmpty()) {
            scenarios = List.of("sts-get-caller-identity", "kms-encrypt", "kms-decrypt");
        }
        try (BulwarkTestServer server = BulwarkTestServer.start()) {
            List<Result> results = new ArrayList<>();
            for (String name : scenarios) {
                Supplier<Runnable> calls = Scenarios.prepare(name, server);
                run(calls, threads, warmup);
                Measurement measured = run(calls, threads, seconds);
                results.add(new Result(name, measured.calls(), measured.seconds(), measured.latenciesNanos()));
            }
            print(results, threads, seconds);
        }
    }

    /** Runs {@code threads} callers for {@code seconds}; returns every call's latency. */
    private static Measurement run(Supplier<Runnable> calls, int threads, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<long[]> perThread = new ArrayList<>();
        int[] counts = new int[threads];
        CountDownLatch done = new CountDownLatch(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            long[] latencies = new long[1 << 20];
            perThread.add(latencies);
            int index = t;
            Runnable call = calls.get();
            Thread.ofPlatform().name("load-" + t).start(() -> {
                try {
                    int n = 0;
                    while (System.nanoTime() < deadline && n < latencies.length) {
                        long before = System.nanoTime();
                        call.run();
                        latencies[n++] = System.nanoTime() - before;
                    }
                    counts[index] = n;
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long total = Arrays.stream(counts).sum();
        long[] all = new long[(int) total];
        int offset = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(perThread.get(t), 0, all, offset, counts[t]);
            offset += counts[t];
        }
        Arrays.sort(all);
        return new Measurement(total, elapsed, all);
    }

    record Measurement(long calls, double seconds, long[] latenciesNanos) {
    }

    private static void print(List<Result> results, int threads, int seconds) {
        Result baseline = results.get(0);
        System.out.printf(Locale.ROOT, "threads: %d, %d s per scenario, %d cores, Java %s%n",
                threads, seconds, Runtime.getRuntime().availableProcessors(), Runtime.version());
        System.out.println("| Scenario | calls/s | ratio to " + baseline.scenario() + " | p50 ms | p99 ms |");
        System.out.println("| --- | --- | --- | --- | --- |");
        for (Result result : results) {
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.2fx | %.2f | %.2f |%n", result.scenario(),
                    result.throughput(), result.throughput() / baseline.throughput(),
                    result.percentileMillis(50), result.percentileMillis(99));
        }
    }
}
