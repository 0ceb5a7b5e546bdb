package dev.bulwark.testing.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.audit.CallRecord;
import dev.bulwark.cloudtrail.AccessKeyFacts;
import dev.bulwark.cloudtrail.CloudTrail;
import dev.bulwark.cloudtrail.CloudTrailSettings;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import dev.bulwark.core.call.Authorizer;
import dev.bulwark.core.call.Caller;
import dev.bulwark.core.call.Principal;
import dev.bulwark.core.service.Operation;
import dev.bulwark.protocol.RequestParameters;
import dev.bulwark.store.Store;
import dev.bulwark.store.seal.KeyFileRootKeyProvider;
import dev.bulwark.store.seal.SealedStore;
import dev.bulwark.store.sqlite.SqliteBackend;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.cloudtrail.model.CreateTrailRequest;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;
import software.amazon.awssdk.services.cloudtrail.model.StartLoggingRequest;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Requests and responses full of secrets (a plaintext, a data key, temporary credentials), rendered
 * by the gateway's renderer and recorded through CloudTrail into the real SQLite store and a
 * trail: no secret reaches the database files, the log files or LookupEvents, while what AWS
 * does log (key ids, encryption context, the temporary access key id) is there.
 */
class NoSecretsInTheAuditTrailTest {
    private static final AccountId ACCOUNT = AccountId.of("111122223333");
    private static final Region REGION = Region.US_EAST_1;
    private static final Principal ROOT = Principal.root(ACCOUNT, "AKIAIOSFODNN7EXAMPLE");
    private static final List<String> SECRETS = List.of("PLAINTEXT-very-secret-4711", "DATAKEY-secret-0815",
            "SECRETKEY-wJalrXUtnFEMIK7MDENG", "SESSIONTOKEN-FwoGZXIvYXdzEXAMPLE", "DECRYPTED-secret-2342");

    @TempDir
    Path data;

    @Test
    void noSecretReachesTheStoreTheLogFilesOrLookupEvents() throws IOException {
        SecureRandom random = new SecureRandom();
        Path trailFolder = data.resolve("cloudtrail");
        String lookedUp;
        try (Store store = SealedStore.open(SqliteBackend.open(data), new KeyFileRootKeyProvider(data, random), random,
                Clock.systemUTC())) {
            CloudTrail cloudTrail = CloudTrail.start(store, CloudTrailSettings.defaults(trailFolder, ACCOUNT, REGION),
                    AccessKeyFacts.NONE, Clock.systemUTC(), random);
            invoke(cloudTrail, CreateTrailRequest.builder().name("audit").s3BucketName("audit-bucket").build());
            invoke(cloudTrail, StartLoggingRequest.builder().name("audit").build());

            cloudTrail.auditSink().record(call("kms.amazonaws.com", "Encrypt",
                    EncryptRequest.builder().keyId("alias/app").plaintext(bytes(SECRETS.get(0)))
                            .encryptionContext(Map.of("project", "apollo")).build(),
                    null));
            cloudTrail.auditSink().record(call("kms.amazonaws.com", "GenerateDataKey", null,
                    GenerateDataKeyResponse.builder().keyId("arn:aws:kms:us-east-1:111122223333:key/k1")
                            .plaintext(bytes(SECRETS.get(1))).ciphertextBlob(bytes("ciphertext")).build()));
            cloudTrail.auditSink().record(call("sts.amazonaws.com", "AssumeRole",
                    AssumeRoleRequest.builder().roleArn("arn:aws:iam::111122223333:role/Deployer").roleSessionName("ci").build(),
                    AssumeRoleResponse.builder().credentials(Credentials.builder().accessKeyId("ASIATEMPORARYKEY")
                            .secretAccessKey(SECRETS.get(2)).sessionToken(SECRETS.get(3))
                            .expiration(Instant.now().plusSeconds(3600)).build()).build()));
            cloudTrail.auditSink().record(call("kms.amazonaws.com", "Decrypt",
                    DecryptRequest.builder().ciphertextBlob(bytes("ciphertext")).build(),
                    DecryptResponse.builder().plaintext(bytes(SECRETS.get(4))).keyId("k1").build()));

            LookupEventsResponse events = invoke(cloudTrail, LookupEventsRequest.builder().build());
            lookedUp = events.events().toString();
            cloudTrail.close();
        }

        assertThat(lookedUp).contains("alias/app").contains("apollo").contains("ASIATEMPORARYKEY");
        String logFiles = readAll(trailFolder, true);
        assertThat(logFiles).contains("ASIATEMPORARYKEY");
        String database = readAll(data, false);
        for (String secret : SECRETS) {
            String base64 = Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
            assertThat(lookedUp).doesNotContain(secret).doesNotContain(base64);
            assertThat(logFiles).doesNotContain(secret).doesNotContain(base64);
            assertThat(database).doesNotContain(secret).doesNotContain(base64);
        }
    }

    /** A call record as the gateway makes it, with request and response rendered by its renderer. */
    private static CallRecord call(String eventSource, String eventName, Object request, Object response) {
        return new CallRecord(UUID.randomUUID().toString(), Instant.now(), UUID.randomUUID().toString(),
                Optional.of(ROOT), Optional.of(ROOT.accessKeyId()), eventSource, eventName, REGION.name(),
                "127.0.0.1", "test", List.of(), false, rendered(request), rendered(response),
                Optional.empty(), Optional.empty());
    }

    private static Optional<ObjectNode> rendered(Object model) {
        return Optional.ofNullable(model).map(m -> RequestParameters.of((SdkPojo) m));
    }

    @SuppressWarnings("unchecked")
    private static <O> O invoke(CloudTrail cloudTrail, SdkRequest request) {
        String name = request.getClass().getSimpleName().replaceFirst("Request$", "");
        Operation<?, ?> operation = cloudTrail.service().operations().stream()
                .filter(op -> op.name().equals(name)).findFirst().orElseThrow();
        Caller caller = new Caller(ROOT, REGION, UUID.randomUUID().toString(), Instant.now(), "127.0.0.1", "test",
                false, (c, r) -> Authorizer.Decision.ALLOW);
        return (O) operation.invoke(caller, request);
    }

    private static SdkBytes bytes(String text) {
        return SdkBytes.fromUtf8String(text);
    }

    /** Every file under a folder as text (gzip files uncompressed when asked). */
    private static String readAll(Path folder, boolean gunzip) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (gunzip && file.toString().endsWith(".gz")) {
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                        all.writeBytes(in.readAllBytes());
                    }
                } else {
                    all.writeBytes(Files.readAllBytes(file));
                }
            }
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }
}
