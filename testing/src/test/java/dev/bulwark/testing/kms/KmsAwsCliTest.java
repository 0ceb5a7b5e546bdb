package dev.bulwark.testing.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.testing.AwsCli;
import dev.bulwark.testing.BulwarkTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI (Debian package awscli), where installed, driving KMS with the files the server
 * writes: keys, aliases, files encrypted and decrypted through {@code fileb://}, signatures.
 */
class KmsAwsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static BulwarkTestServer server;

    @TempDir
    Path files;

    @BeforeAll
    static void start() {
        assumeTrue(AwsCli.installed(), "the AWS CLI is not installed (Debian: apt-get install awscli); skipping the KMS CLI test");
        server = BulwarkTestServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static JsonNode aws(String... args) throws Exception {
        AwsCli.Result result = AwsCli.against(server, args);
        assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.stderr()).isZero();
        return result.stdout().isBlank() ? JSON.nullNode() : JSON.readTree(result.stdout());
    }

    private static String createKey(String... options) throws Exception {
        String[] args = new String[options.length + 2];
        args[0] = "kms";
        args[1] = "create-key";
        System.arraycopy(options, 0, args, 2, options.length);
        return aws(args).path("KeyMetadata").path("KeyId").asText();
    }

    private static String aliasTarget(String aliasName) throws Exception {
        for (JsonNode alias : aws("kms", "list-aliases").path("Aliases")) {
            if (alias.path("AliasName").asText().equals(aliasName)) {
                return alias.path("TargetKeyId").asText();
            }
        }
        return null;
    }

    /** Writes a base64 blob the CLI printed as the raw bytes {@code fileb://} reads back. */
    private Path blobFile(String name, JsonNode base64) throws Exception {
        return Files.write(files.resolve(name), Base64.getDecoder().decode(base64.asText()));
    }

    @Test
    void aliasesAreCreatedListedRetargetedAndDeleted() throws Exception {
        String first = createKey("--description", "cli alias key one");
        String second = createKey("--description", "cli alias key two");

        aws("kms", "create-alias", "--alias-name", "alias/cli-test", "--target-key-id", first);
        assertThat(aliasTarget("alias/cli-test")).isEqualTo(first);
        assertThat(aws("kms", "list-aliases", "--key-id", first).path("Aliases").findValuesAsText("AliasName"))
                .containsExactly("alias/cli-test");

        aws("kms", "update-alias", "--alias-name", "alias/cli-test", "--target-key-id", second);
        assertThat(aliasTarget("alias/cli-test")).isEqualTo(second);

        aws("kms", "delete-alias", "--alias-name", "alias/cli-test");
        assertThat(aliasTarget("alias/cli-test")).isNull();
    }

    @Test
    void aFileEncryptedThroughFilebDecryptsToTheSameBytes() throws Exception {
        String keyId = createKey("--description", "cli file key");
        aws("kms", "create-alias", "--alias-name", "alias/cli-files", "--target-key-id", keyId);
        byte[] content = new byte[3000];
        new SecureRandom().nextBytes(content);
        Path plaintext = Files.write(files.resolve("plain.bin"), content);

        JsonNode encrypted = aws("kms", "encrypt", "--key-id", "alias/cli-files", "--plaintext", "fileb://" + plaintext,
                "--encryption-context", "purpose=cli");
        Path ciphertext = blobFile("cipher.bin", encrypted.path("CiphertextBlob"));
        JsonNode decrypted = aws("kms", "decrypt", "--ciphertext-blob", "fileb://" + ciphertext,
                "--encryption-context", "purpose=cli");

        assertThat(Base64.getDecoder().decode(decrypted.path("Plaintext").asText())).isEqualTo(content);
        assertThat(decrypted.path("KeyId").asText()).endsWith(":key/" + keyId);
        AwsCli.Result wrongContext = AwsCli.against(server, "kms", "decrypt", "--ciphertext-blob", "fileb://" + ciphertext,
                "--encryption-context", "purpose=other");
        assertThat(wrongContext.exitCode()).isNotZero();
        assertThat(wrongContext.stderr()).contains("InvalidCiphertextException");
    }

    @Test
    void aFileSignedWithAnRsaKeyVerifiesAndAnAlteredOneDoesNot() throws Exception {
        String keyId = createKey("--key-spec", "RSA_2048", "--key-usage", "SIGN_VERIFY");
        Path message = Files.writeString(files.resolve("message.txt"), "signed by the AWS CLI through Bulwark");
        Path altered = Files.writeString(files.resolve("altered.txt"), "signed by the AWS CLI through Bulwark!");

        JsonNode signed = aws("kms", "sign", "--key-id", keyId, "--message", "fileb://" + message,
                "--message-type", "RAW", "--signing-algorithm", "RSASSA_PSS_SHA_256");
        Path signature = blobFile("signature.bin", signed.path("Signature"));

        JsonNode verified = aws("kms", "verify", "--key-id", keyId, "--message", "fileb://" + message,
                "--message-type", "RAW", "--signing-algorithm", "RSASSA_PSS_SHA_256", "--signature", "fileb://" + signature);
        assertThat(verified.path("SignatureValid").asBoolean()).isTrue();

        AwsCli.Result refused = AwsCli.against(server, "kms", "verify", "--key-id", keyId, "--message", "fileb://" + altered,
                "--message-type", "RAW", "--signing-algorithm", "RSASSA_PSS_SHA_256", "--signature", "fileb://" + signature);
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("KMSInvalidSignatureException");
    }
}
