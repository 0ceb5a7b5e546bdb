package dev.bulwark.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.bulwark.store.StoredRecord;
import dev.bulwark.store.seal.KeyFileRootKeyProvider;
import dev.bulwark.store.seal.SealedStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed with SIGKILL in the middle of writing loses nothing it reported as
 * committed, and leaves a database that opens, passes SQLite's check and unseals.
 */
class CrashSafetyTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ROUNDS = 5;
    private static final Duration BUDGET = Duration.ofSeconds(15);

    @TempDir
    Path dataFolder;

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aKilledWriterLosesNoReportedCommit() throws Exception {
        long deadline = System.nanoTime() + BUDGET.toNanos();
        int[] reported = new int[ROUNDS];
        for (int round = 0; round < ROUNDS && System.nanoTime() < deadline; round++) {
            reported[round] = runAndKill("round-" + round, 10 + RANDOM.nextInt(60));
            try (SqliteBackend backend = SqliteBackend.open(dataFolder)) {
                assertThat(backend.quickCheck()).isEmpty();
            }
            try (SealedStore store = open()) {
                for (int earlier = 0; earlier <= round; earlier++) {
                    assertCommitted(store, "round-" + earlier, reported[earlier]);
                }
            }
        }
    }

    /** Starts a writer, kills it once it has reported about {@code commits} commits; returns how many it reported. */
    private int runAndKill(String round, int commits) throws Exception {
        Path errors = Files.createTempFile(dataFolder.getParent(), "crashing-writer", ".err");
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), dataFolder.toString(), round)
                .redirectError(errors.toFile())
                .start();
        int reported = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (reported < commits && (line = out.readLine()) != null) {
                reported = Integer.parseInt(line.strip());
            }
            // SIGKILL through the handle: Process.destroyForcibly would also close our end of its output.
            child.toHandle().destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
            // Lines printed before the kill landed are commits too.
            while ((line = out.readLine()) != null) {
                if (!line.isBlank() && line.strip().chars().allMatch(Character::isDigit)) {
                    reported = Integer.parseInt(line.strip());
                }
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        if (reported == 0) {
            fail("The writer committed nothing; its stderr:%n%s", Files.readString(errors));
        }
        return reported;
    }

    private void assertCommitted(SealedStore store, String round, int reported) {
        store.read(tx -> {
            StoredRecord progress = tx.get(CrashingWriter.progress(round)).orElseThrow();
            int lastCommitted = Integer.parseInt(new String(progress.document(), StandardCharsets.UTF_8).replaceAll(".*\"number\":(\\d+)}", "$1"));
            assertThat(lastCommitted).isGreaterThanOrEqualTo(reported);
            for (int number = 1; number <= lastCommitted; number++) {
                StoredRecord record = tx.get(CrashingWriter.record(round, number)).orElseThrow();
                assertThat(record.document()).isEqualTo(CrashingWriter.document(round, number));
                assertThat(record.secret().orElseThrow().equalsSecretBytes(CrashingWriter.secret(round, number))).isTrue();
            }
            assertThat(tx.count("test.crash", round, "record-")).isEqualTo(lastCommitted);
            return null;
        });
    }

    private SealedStore open() {
        return SealedStore.open(SqliteBackend.open(dataFolder), new KeyFileRootKeyProvider(dataFolder, RANDOM), RANDOM, Clock.systemUTC());
    }
}
