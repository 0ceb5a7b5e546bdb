package dev.bulwark.store.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileRootKeyProviderTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dataFolder;

    @Test
    void theFirstStartCreatesA32ByteKeyOnlyItsOwnerCanRead() throws Exception {
        SecretBytes key = new KeyFileRootKeyProvider(dataFolder, RANDOM).rootKey();

        Path file = dataFolder.resolve("root.key");
        assertThat(key.size()).isEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var files = Files.list(dataFolder)) {
            assertThat(files).containsExactly(file); // no temporary file left behind
        }
    }

    @Test
    void laterStartsReadTheSameKey() {
        SecretBytes first = new KeyFileRootKeyProvider(dataFolder, RANDOM).rootKey();
        SecretBytes second = new KeyFileRootKeyProvider(dataFolder, RANDOM).rootKey();

        assertThat(second.equalsSecretBytes(first)).isTrue();
    }

    @Test
    void aMissingDataFolderIsCreated() {
        Path nested = dataFolder.resolve("not/yet");

        assertThat(new KeyFileRootKeyProvider(nested, RANDOM).rootKey().size()).isEqualTo(32);
    }

    @Test
    void aKeyFileOfTheWrongSizeIsRefused() throws Exception {
        Files.write(dataFolder.resolve("root.key"), new byte[10]);

        assertThatThrownBy(() -> new KeyFileRootKeyProvider(dataFolder, RANDOM).rootKey())
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("10 bytes");
    }
}
