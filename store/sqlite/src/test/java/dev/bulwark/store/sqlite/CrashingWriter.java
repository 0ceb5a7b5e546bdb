package dev.bulwark.store.sqlite;

import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.store.RecordKey;
import dev.bulwark.store.Store;
import dev.bulwark.store.seal.KeyFileRootKeyProvider;
import dev.bulwark.store.seal.SealedStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * The child process of {@link CrashSafetyTest}: writes numbered records until it is killed,
 * printing each number once its transaction has committed. Each transaction writes a record
 * and moves a progress record, so a torn transaction would show as a mismatch between them.
 */
final class CrashingWriter {

    public static void main(String[] args) {
        Path dataFolder = Path.of(args[0]);
        String round = args[1];
        SecureRandom random = new SecureRandom();
        Store store = SealedStore.open(SqliteBackend.open(dataFolder), new KeyFileRootKeyProvider(dataFolder, random), random, Clock.systemUTC());
        for (int n = 1; ; n++) {
            int number = n;
            store.write(tx -> {
                tx.put(record(round, number), document(round, number), secret(round, number));
                return tx.put(progress(round), document(round, number), null);
            });
            System.out.println(number);
            System.out.flush();
        }
    }

    static RecordKey record(String round, int number) {
        return new RecordKey("test.crash", round, "record-" + number);
    }

    static RecordKey progress(String round) {
        return new RecordKey("test.crash", round, "progress");
    }

    static byte[] document(String round, int number) {
        return ("{\"round\":\"" + round + "\",\"number\":" + number + "}").getBytes(StandardCharsets.UTF_8);
    }

    static SecretBytes secret(String round, int number) {
        return SecretBytes.copyOf(("secret of " + round + "/" + number).getBytes(StandardCharsets.UTF_8));
    }
}
