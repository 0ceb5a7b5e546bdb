package dev.bulwark.server;

import dev.bulwark.auth.Credential;
import dev.bulwark.core.Region;
import dev.bulwark.crypto.InsecureSecretAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

/**
 * The two files that let the AWS CLI and SDKs talk to this server with no other set-up:
 * {@code credentials} (the bootstrap administrator's access key, profile {@code default}) and
 * {@code config} (region and {@code endpoint_url}). Point {@code AWS_SHARED_CREDENTIALS_FILE}
 * and {@code AWS_CONFIG_FILE} at them.
 *
 * <p>Each file is written whole to a temporary file created with mode 0600 and moved into
 * place, so it is never readable by others nor seen half-written; an unchanged file is left
 * alone.
 */
final class AwsCliFiles {
    private AwsCliFiles() {
    }

    static void writeCredentials(Path file, Credential credential) {
        byte[] secret = credential.secretAccessKey().toByteArray(InsecureSecretAccess.get());
        byte[] content = ("[default]\n"
                + "aws_access_key_id = " + credential.accessKeyId() + "\n"
                + "aws_secret_access_key = " + new String(secret, StandardCharsets.US_ASCII) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        Arrays.fill(secret, (byte) 0);
        try {
            writePrivately(file, content);
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    static void writeConfig(Path file, Region region, URI endpoint) {
        writePrivately(file, ("[default]\n"
                + "region = " + region + "\n"
                + "endpoint_url = " + endpoint + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static void writePrivately(Path file, byte[] content) {
        try {
            if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), content)) {
                return;
            }
            Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName() + "-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.write(temporary, content);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
