package dev.bulwark.bench;

import dev.bulwark.testing.BulwarkTestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * What the load generator can measure. Each scenario prepares its state once and returns a
 * factory of per-thread callers (each with its own SDK client, as applications have; every client
 * keeps its connection alive, see {@link LoadGenerator}).
 */
final class Scenarios {
    /** The baseline: the same Netty front answering a fixed body, with no signature, no service, no store. */
    static final String BASELINE = "health-fixed-body";
    static final List<String> NAMES = List.of(BASELINE, "sts-get-caller-identity", "kms-encrypt", "kms-decrypt",
            "kms-generate-data-key", "ssm-get-parameter", "ssm-get-parameter-decrypted", "secretsmanager-get-secret-value");

    private Scenarios() {
    }

    static Supplier<Runnable> prepare(String name, BulwarkTestServer server) {
        return switch (name) {
            // Unsigned: the AWS SDK cannot call a non-AWS endpoint, so this one request comes from the
            // JDK's HttpClient, over one kept-alive HTTP/1.1 connection per thread like the SDK clients.
            case BASELINE -> {
                HttpRequest health = HttpRequest.newBuilder(server.endpoint().resolve("/_bulwark/health")).GET().build();
                yield () -> {
                    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    return () -> {
                        try {
                            HttpResponse<byte[]> response = http.send(health, HttpResponse.BodyHandlers.ofByteArray());
                            if (response.statusCode() != 200) {
                                throw new IllegalStateException("GET /_bulwark/health answered " + response.statusCode());
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException("interrupted", e);
                        }
                    };
                };
            }
            // Signed, authenticated, audited, but touches no stored resource: the request path's floor.
            case "sts-get-caller-identity" -> () -> {
                StsClient sts = server.client(StsClient.builder());
                return sts::getCallerIdentity;
            };
            case "kms-encrypt" -> {
                String keyId = newKey(server);
                SdkBytes plaintext = SdkBytes.fromString("a 32-byte secret for the bench!!", StandardCharsets.UTF_8);
                yield () -> {
                    KmsClient kms = server.client(KmsClient.builder());
                    return () -> kms.encrypt(r -> r.keyId(keyId).plaintext(plaintext)
                            .encryptionContext(Map.of("purpose", "bench")));
                };
            }
            case "kms-decrypt" -> {
                String keyId = newKey(server);
                SdkBytes ciphertext;
                try (KmsClient kms = server.client(KmsClient.builder())) {
                    ciphertext = kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("bench"))
                            .encryptionContext(Map.of("purpose", "bench"))).ciphertextBlob();
                }
                yield () -> {
                    KmsClient kms = server.client(KmsClient.builder());
                    return () -> kms.decrypt(r -> r.ciphertextBlob(ciphertext).encryptionContext(Map.of("purpose", "bench")));
                };
            }
            case "kms-generate-data-key" -> {
                String keyId = newKey(server);
                yield () -> {
                    KmsClient kms = server.client(KmsClient.builder());
                    return () -> kms.generateDataKey(r -> r.keyId(keyId).keySpec("AES_256"));
                };
            }
            // What applications do at start-up: read a parameter, most often a SecureString with decryption.
            case "ssm-get-parameter" -> {
                putParameter(server, "/bench/plain", ParameterType.STRING);
                yield () -> {
                    SsmClient ssm = server.client(SsmClient.builder());
                    return () -> ssm.getParameter(r -> r.name("/bench/plain"));
                };
            }
            case "ssm-get-parameter-decrypted" -> {
                putParameter(server, "/bench/secure", ParameterType.SECURE_STRING);
                yield () -> {
                    SsmClient ssm = server.client(SsmClient.builder());
                    return () -> ssm.getParameter(r -> r.name("/bench/secure").withDecryption(true));
                };
            }
            case "secretsmanager-get-secret-value" -> {
                try (SecretsManagerClient secrets = server.client(SecretsManagerClient.builder())) {
                    secrets.createSecret(r -> r.name("bench/secret").secretString("a value for the bench"));
                }
                yield () -> {
                    SecretsManagerClient secrets = server.client(SecretsManagerClient.builder());
                    return () -> secrets.getSecretValue(r -> r.secretId("bench/secret"));
                };
            }
            default -> throw new IllegalArgumentException("Unknown scenario " + name + "; known: " + NAMES);
        };
    }

    private static void putParameter(BulwarkTestServer server, String name, ParameterType type) {
        try (SsmClient ssm = server.client(SsmClient.builder())) {
            ssm.putParameter(r -> r.name(name).value("a value for the bench").type(type).overwrite(true));
        }
    }

    private static String newKey(BulwarkTestServer server) {
        try (KmsClient kms = server.client(KmsClient.builder())) {
            return kms.createKey(r -> r.description("bench")).keyMetadata().keyId();
        }
    }
}
