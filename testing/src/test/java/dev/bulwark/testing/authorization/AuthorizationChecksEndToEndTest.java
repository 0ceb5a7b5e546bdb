package dev.bulwark.testing.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.bulwark.core.AccountId;
import dev.bulwark.testing.BulwarkTestServer;
import dev.bulwark.testing.SignedRequests;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The checks of issue 4, one test each, against one server with real identities: IAM users,
 * an assumed role, a grantee, and the root of a second account. Each test also finds its calls
 * with LookupEvents, made by the right principal with the right outcome; the last one closes
 * the server and shows that no plaintext reached the audit store or the trail's log files.
 *
 * <p>The second account is bootstrapped as {@code bulwark serve --account} does: the data
 * folder is first served as account 444455556666 (creating its administrator), then as
 * {@link BulwarkTestServer#ACCOUNT}. The server's clock is the test's, so credentials can
 * expire without waiting; it follows the system clock except while a test moves it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthorizationChecksEndToEndTest {
    private static final String ACCOUNT = BulwarkTestServer.ACCOUNT.value();
    private static final AccountId SECOND_ACCOUNT = AccountId.of("444455556666");
    private static final String PLAINTEXT = "PLAINTEXT-issue4-d41d8cd98f00";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path data;
    private static final MovableClock clock = new MovableClock();
    private static AwsCredentialsProvider secondAccountRoot;
    private static BulwarkTestServer server;
    private static IamClient iam;
    private static KmsClient admin;
    private static CloudTrailClient cloudTrail;

    @BeforeAll
    static void start() {
        try (BulwarkTestServer second = BulwarkTestServer.startOn(data, SECOND_ACCOUNT)) {
            secondAccountRoot = StaticCredentialsProvider.create(second.resolvedAdminCredentials());
        }
        server = BulwarkTestServer.startOn(data, clock);
        iam = server.client(IamClient.builder());
        admin = server.client(KmsClient.builder());
        cloudTrail = server.client(CloudTrailClient.builder());
        cloudTrail.createTrail(r -> r.name("checks").s3BucketName("checks-bucket").enableLogFileValidation(true));
        cloudTrail.startLogging(r -> r.name("checks"));
    }

    @AfterAll
    static void stop() {
        iam.close();
        admin.close();
        cloudTrail.close();
        server.close();
    }

    @Test
    @Order(1)
    void aUserWithoutPoliciesIsDeniedUntilAPolicyAllowsAndAKeyPolicyWithoutTheRootDelegationDeniesAgain() {
        String keyId = admin.createKey(r -> r.description("checks")).keyMetadata().keyId();
        try (KmsClient alice = server.client(KmsClient.builder(), newUser("check-alice"))) {
            String userArn = "arn:aws:iam::" + ACCOUNT + ":user/check-alice";
            String denied = deniedRequestId(() -> encrypt(alice, keyId, Map.of()));
            assertEvent(denied, "Encrypt", userArn, "IAMUser", "AccessDeniedException");

            iam.putUserPolicy(r -> r.userName("check-alice").policyName("encrypt").policyDocument(allowEncrypt("")));
            String allowed = encrypt(alice, keyId, Map.of());
            assertEvent(allowed, "Encrypt", userArn, "IAMUser", null);

            admin.putKeyPolicy(r -> r.keyId(keyId).bypassPolicyLockoutSafetyCheck(true).policy("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                     "Principal":{"AWS":"arn:aws:iam::%s:user/someone-else"},"Action":"kms:*","Resource":"*"}]}"""
                    .formatted(ACCOUNT)));
            String deniedAgain = deniedRequestId(() -> encrypt(alice, keyId, Map.of()));
            assertEvent(deniedAgain, "Encrypt", userArn, "IAMUser", "AccessDeniedException");
        }
    }

    @Test
    @Order(2)
    void aConditionOnTheEncryptionContextAllowsOneContextAndDeniesAnother() {
        String keyId = admin.createKey(r -> r.description("projects")).keyMetadata().keyId();
        try (KmsClient bob = server.client(KmsClient.builder(), newUser("check-bob"))) {
            iam.putUserPolicy(r -> r.userName("check-bob").policyName("alpha").policyDocument(allowEncrypt(
                    ",\"Condition\":{\"StringEquals\":{\"kms:EncryptionContext:project\":\"alpha\"}}")));
            String userArn = "arn:aws:iam::" + ACCOUNT + ":user/check-bob";

            assertEvent(encrypt(bob, keyId, Map.of("project", "alpha")), "Encrypt", userArn, "IAMUser", null);
            assertEvent(deniedRequestId(() -> encrypt(bob, keyId, Map.of("project", "beta"))), "Encrypt", userArn,
                    "IAMUser", "AccessDeniedException");
        }
    }

    @Test
    @Order(3)
    void aRoleAssumedThroughStsWorksUntilItsCredentialsExpire() throws Exception {
        String keyId = admin.createKey(r -> r.description("role")).keyMetadata().keyId();
        iam.createRole(r -> r.roleName("check-encryptor").assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},
                 "Action":"sts:AssumeRole"}]}""".formatted(ACCOUNT)));
        iam.putRolePolicy(r -> r.roleName("check-encryptor").policyName("encrypt").policyDocument(allowEncrypt("")));
        // Roles may not be assumed by root accounts: a user of the account assumes it.
        AwsCredentialsProvider dave = newUser("check-dave");
        iam.putUserPolicy(r -> r.userName("check-dave").policyName("assume").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}"""));
        Credentials temporary;
        try (StsClient sts = server.client(StsClient.builder(), dave)) {
            temporary = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + ACCOUNT + ":role/check-encryptor")
                    .roleSessionName("checks").durationSeconds(900)).credentials();
        }
        AwsSessionCredentials session = AwsSessionCredentials.create(temporary.accessKeyId(),
                temporary.secretAccessKey(), temporary.sessionToken());
        String sessionArn = "arn:aws:sts::" + ACCOUNT + ":assumed-role/check-encryptor/checks";
        try (KmsClient role = server.client(KmsClient.builder(), StaticCredentialsProvider.create(session))) {
            assertEvent(encrypt(role, keyId, Map.of()), "Encrypt", sessionArn, "AssumedRole", null);
        }

        // Past the expiry on the server's clock; the request is signed at that time too, so that
        // the answer is about the token, not about a stale signature.
        clock.moveBy(Duration.ofMinutes(16));
        try {
            String body = "{\"KeyId\":\"" + keyId + "\",\"Plaintext\":\""
                    + Base64.getEncoder().encodeToString(PLAINTEXT.getBytes(StandardCharsets.UTF_8)) + "\"}";
            HttpResponse<String> expired = SignedRequests.send(SignedRequests.sign(server.endpoint(), session, "kms",
                    "TrentService.Encrypt", "application/x-amz-json-1.1", body, clock), body);

            assertThat(expired.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(expired.body()).get("__type").asText()).isEqualTo("ExpiredTokenException");
        } finally {
            clock.moveBy(Duration.ZERO);
        }
    }

    @Test
    @Order(4)
    void aGrantLetsItsGranteeDecryptWithAGrantToken() {
        String keyId = admin.createKey(r -> r.description("granted")).keyMetadata().keyId();
        SdkBytes ciphertext = admin.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String(PLAINTEXT)))
                .ciphertextBlob();
        String granteeArn = "arn:aws:iam::" + ACCOUNT + ":user/check-carol";
        try (KmsClient carol = server.client(KmsClient.builder(), newUser("check-carol"))) {
            assertEvent(deniedRequestId(() -> carol.decrypt(r -> r.ciphertextBlob(ciphertext))), "Decrypt",
                    granteeArn, "IAMUser", "AccessDeniedException");

            String grantToken = admin.createGrant(r -> r.keyId(keyId).granteePrincipal(granteeArn)
                    .operations(GrantOperation.DECRYPT)).grantToken();
            var decrypted = carol.decrypt(r -> r.ciphertextBlob(ciphertext).grantTokens(grantToken));

            assertThat(decrypted.plaintext().asUtf8String()).isEqualTo(PLAINTEXT);
            assertEvent(decrypted.responseMetadata().requestId(), "Decrypt", granteeArn, "IAMUser", null);
        }
    }

    @Test
    @Order(5)
    void aSecondAccountIsDeniedUntilTheKeyPolicyNamesIt() {
        String keyArn = admin.createKey(r -> r.description("shared")).keyMetadata().arn();
        String secondRoot = "arn:aws:iam::" + SECOND_ACCOUNT + ":root";
        try (KmsClient other = server.client(KmsClient.builder(), secondAccountRoot);
                CloudTrailClient otherTrail = server.client(CloudTrailClient.builder(), secondAccountRoot)) {
            assertEvent(otherTrail, deniedRequestId(() -> encrypt(other, keyArn, Map.of())), "Encrypt", secondRoot,
                    "Root", "AccessDeniedException");

            admin.putKeyPolicy(r -> r.keyId(keyArn).policy("""
                    {"Version":"2012-10-17","Statement":[
                      {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},"Action":"kms:*","Resource":"*"},
                      {"Effect":"Allow","Principal":{"AWS":"%s"},"Action":"kms:Encrypt","Resource":"*"}]}"""
                    .formatted(ACCOUNT, secondRoot)));

            assertEvent(otherTrail, encrypt(other, keyArn, Map.of()), "Encrypt", secondRoot, "Root", null);
        }
    }

    @Test
    @Order(6)
    void noPlaintextAppearsInTheAuditStoreOrTheTrailLogFiles() throws IOException {
        server.close();

        assertThat(readAll(data, false)).doesNotContain(PLAINTEXT).doesNotContain(base64(PLAINTEXT));
        String logs = readAll(data.resolve("cloudtrail"), true);
        assertThat(logs).contains("\"eventName\":\"Encrypt\"").contains("\"eventName\":\"Decrypt\"");
        assertThat(logs).doesNotContain(PLAINTEXT).doesNotContain(base64(PLAINTEXT));
    }

    private static AwsCredentialsProvider newUser(String name) {
        iam.createUser(r -> r.userName(name));
        AccessKey key = iam.createAccessKey(r -> r.userName(name)).accessKey();
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
    }

    private static String allowEncrypt(String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"kms:Encrypt\","
                + "\"Resource\":\"*\"" + condition + "}]}";
    }

    /** Encrypts the plaintext; answers the request id. */
    private static String encrypt(KmsClient kms, String keyId, Map<String, String> context) {
        return kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String(PLAINTEXT))
                .encryptionContext(context)).responseMetadata().requestId();
    }

    /** The call is denied with AccessDeniedException; answers the request id. */
    private static String deniedRequestId(Runnable call) {
        AwsServiceException[] denied = new AwsServiceException[1];
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            denied[0] = e;
        });
        return denied[0].requestId();
    }

    /** LookupEvents finds the call, made by the principal, with the outcome (no errorCode for a success). */
    private static void assertEvent(String requestId, String eventName, String principalArn, String principalType,
            String errorCode) {
        assertEvent(cloudTrail, requestId, eventName, principalArn, principalType, errorCode);
    }

    private static void assertEvent(CloudTrailClient cloudTrail, String requestId, String eventName,
            String principalArn, String principalType, String errorCode) {
        JsonNode record = cloudTrail.lookupEventsPaginator(r -> r.lookupAttributes(a -> a
                        .attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue(eventName))).events().stream()
                .map(event -> parse(event.cloudTrailEvent()))
                .filter(event -> event.path("requestID").asText().equals(requestId))
                .findFirst().orElseThrow(() -> new AssertionError("No " + eventName + " event for " + requestId));
        assertThat(record.path("userIdentity").path("arn").asText()).isEqualTo(principalArn);
        assertThat(record.path("userIdentity").path("type").asText()).isEqualTo(principalType);
        if (errorCode == null) {
            assertThat(record.has("errorCode")).as("errorCode of a success").isFalse();
        } else {
            assertThat(record.path("errorCode").asText()).isEqualTo(errorCode);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + json, e);
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Every file under a folder as text, gzip files uncompressed when asked. */
    private static String readAll(Path folder, boolean gunzip) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (gunzip && file.toString().endsWith(".gz")) {
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                        in.transferTo(all);
                    }
                } else {
                    all.writeBytes(Files.readAllBytes(file));
                }
            }
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }

    /** The system clock, moved forward by an offset a test sets (and resets to zero). */
    private static final class MovableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void moveBy(Duration newOffset) {
            offset = newOffset;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }
    }
}
