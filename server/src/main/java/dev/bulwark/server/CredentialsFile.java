package dev.bulwark.server;

import dev.bulwark.auth.Credential;
import dev.bulwark.crypto.InsecureSecretAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

/**
 * Writes the bootstrap administrator's access key in the AWS CLI credentials format (profile
 * {@code default}), readable by its owner only. The file is written whole to a temporary
 * file created with mode 0600 and moved into place, so it is never readable by others nor
 * seen half-written. An unchanged file is left alone.
 */
final class CredentialsFile {
    private CredentialsFile() {
    }

    static void write(Path file, Credential credential) {
        byte[] secret = credential.secretAccessKey().toByteArray(InsecureSecretAccess.get());
        byte[] content = ("[default]\n"
                + "aws_access_key_id = " + credential.accessKeyId() + "\n"
                + "aws_secret_access_key = " + new String(secret, StandardCharsets.US_ASCII) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        Arrays.fill(secret, (byte) 0);
        try {
            if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), content)) {
                return;
            }
            Path temporary = Files.createTempFile(file.getParent(), ".credentials-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.write(temporary, content);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the credentials file " + file, e);
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }
}
