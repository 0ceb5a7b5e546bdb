package dev.bulwark.store.seal;

import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.store.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;

/**
 * The default root key: 32 random bytes in {@code DATA/root.key}, created at first start.
 *
 * <p>Creation never exposes the key and never replaces one: the bytes go to a temporary file
 * that is created with mode 0600 in the same system call that creates it (on POSIX file
 * systems), are forced to disk, and the file is then hard-linked to {@code root.key}, which
 * fails if another process created the key first (its key is then used). A crash leaves at
 * worst a stray temporary file, never a short {@code root.key}.
 *
 * <p>Whoever can read this file can read every secret in the store (with a copy of the
 * database): keep it out of backups that travel with the database, or use an HSM provider.
 */
public final class KeyFileRootKeyProvider implements RootKeyProvider {
    public static final String FILE_NAME = "root.key";
    private static final int KEY_LENGTH = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final SecureRandom random;

    public KeyFileRootKeyProvider(Path dataFolder, SecureRandom random) {
        this.file = dataFolder.resolve(FILE_NAME);
        this.random = random;
    }

    @Override
    public SecretBytes rootKey() {
        try {
            if (Files.notExists(file)) {
                create();
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length != KEY_LENGTH) {
                Arrays.fill(bytes, (byte) 0);
                throw new StoreException("The root key file " + file + " holds " + bytes.length
                        + " bytes; a root key is " + KEY_LENGTH + " bytes");
            }
            SecretBytes key = SecretBytes.copyOf(bytes);
            Arrays.fill(bytes, (byte) 0);
            return key;
        } catch (IOException e) {
            throw new StoreException("Could not read the root key file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String description() {
        return "the key file " + file;
    }

    private void create() throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(FILE_NAME + "." + Long.toUnsignedString(random.nextLong(), 36) + ".new");
        byte[] key = new byte[KEY_LENGTH];
        random.nextBytes(key);
        try (FileChannel channel = FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly())) {
            channel.write(ByteBuffer.wrap(key));
            channel.force(true);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        try {
            Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException raced) {
            // Another process created the root key first; use theirs.
        } finally {
            Files.delete(temporary);
        }
        forceDirectory(file.getParent());
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)};
        }
        return new FileAttribute<?>[0];
    }

    /** Makes the new directory entry durable, so a crash cannot lose the key the store was sealed with. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms cannot open directories; the link is durable there once the file system syncs.
        }
    }
}
