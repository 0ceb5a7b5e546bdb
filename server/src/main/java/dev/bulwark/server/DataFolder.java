package dev.bulwark.server;

import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.store.Store;
import dev.bulwark.store.seal.KeyFileRootKeyProvider;
import dev.bulwark.store.seal.SealedStore;
import dev.bulwark.store.sqlite.SqliteBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The server's data folder: {@code bulwark.db} (the SQLite store), {@code root.key} (the root
 * of the seal), {@code credentials} and {@code config} (for the AWS CLI, see {@link AwsCliFiles}).
 * It is created readable by its owner only.
 */
final class DataFolder {
    private final Path dir;

    private DataFolder(Path dir) {
        this.dir = dir;
    }

    static DataFolder open(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir.getParent() == null ? dir : dir.getParent());
                try {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } catch (FileAlreadyExistsException raced) {
                    // Another process created it between the check and here: use it.
                } catch (UnsupportedOperationException notPosix) {
                    Files.createDirectories(dir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + dir, e);
        }
        return new DataFolder(dir);
    }

    Store openStore(SecureRandom random, Clock clock) {
        return SealedStore.open(SqliteBackend.open(dir), new KeyFileRootKeyProvider(dir, random), random, clock);
    }

    /** The KMS seed file applied at start-up when no other is named. */
    Path kmsSeedFile() {
        return dir.resolve("kms-seed.json");
    }

    Path credentialsFile() {
        return dir.resolve("credentials");
    }

    Path configFile() {
        return dir.resolve("config");
    }

    /**
     * The file holding the key a Secrets Manager HTTP rotation function's requests are signed
     * with (64 hex digits, readable by the owner only): {@code rotation-function-keys/<ARN with
     * ':' and '/' as '_'>.key}, made on first use. The function's operator copies it to the
     * function.
     */
    Path rotationFunctionKeyFile(String functionArn) {
        return dir.resolve("rotation-function-keys").resolve(functionArn.replace(':', '_').replace('/', '_') + ".key");
    }

    SecretBytes rotationFunctionKey(String functionArn, SecureRandom random) {
        Path file = rotationFunctionKeyFile(functionArn);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] key = new byte[32];
                random.nextBytes(key);
                Path temporary = Files.createTempFile(file.getParent(), "key", ".tmp");
                try {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Not a POSIX file system: the folder's own permissions protect the key.
                }
                Files.writeString(temporary, HexFormat.of().formatHex(key));
                Arrays.fill(key, (byte) 0);
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            }
            return SecretBytes.copyOf(HexFormat.of().parseHex(Files.readString(file).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the rotation function key " + file, e);
        }
    }
}
