package dev.bulwark.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.bulwark.cloudtrail.internal.CloudTrailSchema;
import dev.bulwark.store.Page;
import dev.bulwark.store.RecordKey;
import dev.bulwark.store.StoredRecord;
import dev.bulwark.store.seal.KeyFileRootKeyProvider;
import dev.bulwark.store.seal.SealedStore;
import dev.bulwark.store.sqlite.SqliteBackend;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that audits calls under load (SIGKILL: no shutdown hook, no flush) and counts
 * what survived: every call whose record was acknowledged more than a second before the kill
 * must be in the store. That is the durability the group commit promises.
 */
class EventLogCrashTest {
    private static final Duration UNDER_LOAD = Duration.ofMillis(2_500);
    private static final Duration GRACE = Duration.ofSeconds(1);

    @TempDir
    Path dataFolder;

    /** One "ack" line and when the test received it. */
    private record Ack(long receivedNanos, long[] counts) {
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyCallAcknowledgedASecondBeforeTheKillSurvivesIt() throws Exception {
        Path errors = Files.createTempFile(dataFolder.getParent(), "auditing-writer", ".err");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AuditingWriter.class.getName(), dataFolder.toString())
                .redirectError(errors.toFile())
                .start();
        Deque<Ack> acks = new ArrayDeque<>();
        long killedAt;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            long loadStarted = 0;
            String line;
            while ((line = out.readLine()) != null) {
                long now = System.nanoTime();
                Ack ack = parse(now, line);
                acks.add(ack);
                if (loadStarted == 0 && ack.counts()[0] > 0) {
                    loadStarted = now;
                }
                if (loadStarted != 0 && now - loadStarted >= UNDER_LOAD.toNanos()) {
                    break;
                }
            }
            killedAt = System.nanoTime();
            child.toHandle().destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        Ack settled = acks.stream().filter(a -> a.receivedNanos() <= killedAt - GRACE.toNanos())
                .reduce((first, second) -> second)
                .orElseGet(() -> fail("The writer acknowledged nothing in time; its stderr:%n%s", readQuietly(errors)));

        Set<String> stored = storedEventIds();
        long required = 0;
        for (int t = 0; t < AuditingWriter.THREADS; t++) {
            for (long n = 1; n <= settled.counts()[t]; n++) {
                if (!stored.contains(AuditingWriter.eventId(t, n))) {
                    fail("Event %s was acknowledged more than %s before the kill but is not stored (%d stored)",
                            AuditingWriter.eventId(t, n), GRACE, stored.size());
                }
                required++;
            }
        }
        assertThat(required).as("calls acknowledged a second before the kill").isGreaterThan(1_000);
    }

    private static Ack parse(long receivedNanos, String line) {
        String[] parts = line.strip().split(" ");
        long[] counts = new long[AuditingWriter.THREADS];
        for (int t = 0; t < counts.length; t++) {
            counts[t] = Long.parseLong(parts[t + 1]);
        }
        return new Ack(receivedNanos, counts);
    }

    private Set<String> storedEventIds() {
        SecureRandom random = new SecureRandom();
        try (SealedStore store = SealedStore.open(SqliteBackend.open(dataFolder),
                new KeyFileRootKeyProvider(dataFolder, random), random, Clock.systemUTC())) {
            String scope = RecordKey.scope(Fixtures.ACCOUNT, Fixtures.REGION);
            return store.read(tx -> {
                Set<String> ids = new HashSet<>();
                String after = "";
                while (true) {
                    Page page = tx.list(CloudTrailSchema.EVENT, scope, "", after, 5_000);
                    for (StoredRecord record : page.records()) {
                        String id = record.key().id();
                        ids.add(id.substring(id.indexOf('-') + 1));
                    }
                    if (page.nextAfterId().isEmpty()) {
                        return ids;
                    }
                    after = page.nextAfterId().get();
                }
            });
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
