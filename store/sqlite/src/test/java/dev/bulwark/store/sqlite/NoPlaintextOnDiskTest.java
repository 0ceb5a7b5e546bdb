package dev.bulwark.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.store.RecordKey;
import dev.bulwark.store.seal.KeyFileRootKeyProvider;
import dev.bulwark.store.seal.SealedStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets never reach the database files in plaintext, in any encoding, whether the bytes
 * sit in the write-ahead log (store open) or in the database file (after the checkpoint
 * that closing performs). The documents are found, which proves the scan reads the data.
 */
class NoPlaintextOnDiskTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dataFolder;

    @Test
    void noSealedSecretAppearsInTheDatabaseOrItsLogFiles() throws Exception {
        List<byte[]> markers = new ArrayList<>();
        List<byte[]> documents = new ArrayList<>();
        SealedStore store = SealedStore.open(SqliteBackend.open(dataFolder), new KeyFileRootKeyProvider(dataFolder, RANDOM), RANDOM, Clock.systemUTC());
        for (int i = 0; i < 20; i++) {
            byte[] randomPart = new byte[16];
            RANDOM.nextBytes(randomPart);
            String marker = "SECRET-MARKER-" + HexFormat.of().formatHex(randomPart);
            byte[] secret = i % 2 == 0 ? ascii(marker) : ascii(marker.repeat(4000)); // small and ~200 KB values
            byte[] document = ascii("{\"public\":\"PUBLIC-DOCUMENT-" + i + "\"}");
            markers.add(ascii(marker));
            documents.add(ascii("PUBLIC-DOCUMENT-" + i + "\""));
            RecordKey key = new RecordKey("test.secret", "111122223333/us-east-1", "secret-" + i);
            store.write(tx -> tx.put(key, document, SecretBytes.copyOf(secret)));
        }

        byte[] whileOpen = databaseFiles();
        store.close();
        byte[] afterClose = databaseFiles();

        for (byte[] files : List.of(whileOpen, afterClose)) {
            for (byte[] marker : markers) {
                assertThat(contains(files, marker)).as("a secret in plaintext").isFalse();
                assertThat(contains(files, ascii(Base64.getEncoder().encodeToString(marker)))).as("a secret in base64").isFalse();
                assertThat(contains(files, ascii(HexFormat.of().formatHex(marker)))).as("a secret in hex").isFalse();
                assertThat(contains(files, ascii(HexFormat.of().withUpperCase().formatHex(marker)))).as("a secret in HEX").isFalse();
            }
            for (byte[] document : documents) {
                assertThat(contains(files, document)).as("a public document").isTrue();
            }
        }
    }

    /** The database, its write-ahead log and its shared-memory index, one after the other. */
    private byte[] databaseFiles() throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String suffix : List.of("", "-wal", "-shm")) {
            Path file = dataFolder.resolve(SqliteBackend.FILE_NAME + suffix);
            if (Files.exists(file)) {
                all.writeBytes(Files.readAllBytes(file));
            }
        }
        return all.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
