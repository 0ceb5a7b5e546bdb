package dev.bulwark.testing.iam;

import static dev.bulwark.testing.iam.IamTesting.ACCOUNT;
import static dev.bulwark.testing.iam.IamTesting.accountRoot;
import static dev.bulwark.testing.iam.IamTesting.allow;
import static dev.bulwark.testing.iam.IamTesting.assertFails;
import static dev.bulwark.testing.iam.IamTesting.credentials;
import static dev.bulwark.testing.iam.IamTesting.trust;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.audit.CallRecord;
import dev.bulwark.testing.BulwarkTestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * STS through the real StsClient: AssumeRole with its trust policy evaluated by the policy
 * engine, temporary credentials that authenticate with their session token, GetSessionToken and
 * GetAccessKeyInfo. Expiry is tested on an injected clock in the sts module.
 */
class AssumeRoleEndToEndTest {
    private static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/app/reader";

    private static BulwarkTestServer server;
    private static IamClient iam;
    private static StsClient rootSts;
    private static AccessKey alice;
    private static AccessKey nobody;

    @BeforeAll
    static void start() {
        server = BulwarkTestServer.start();
        iam = server.client(IamClient.builder());
        rootSts = server.client(StsClient.builder());
        iam.createRole(r -> r.roleName("reader").path("/app/").assumeRolePolicyDocument(trust(accountRoot()))
                .maxSessionDuration(7200));
        iam.createUser(r -> r.userName("alice"));
        iam.putUserPolicy(r -> r.userName("alice").policyName("assume").policyDocument(allow("sts:AssumeRole")));
        alice = iam.createAccessKey(r -> r.userName("alice")).accessKey();
        iam.createUser(r -> r.userName("nobody"));
        nobody = iam.createAccessKey(r -> r.userName("nobody")).accessKey();
    }

    @AfterAll
    static void stop() {
        rootSts.close();
        iam.close();
        server.close();
    }

    @Test
    void aUserAllowedByPolicyAssumesARoleThatTrustsItsAccount() {
        Instant before = Instant.now();
        AssumeRoleResponse assumed = as(alice, sts -> sts.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("alice-job")
                .durationSeconds(900)));

        Credentials temporary = assumed.credentials();
        assertThat(temporary.accessKeyId()).matches("ASIA[A-Z2-7]{16}");
        assertThat(temporary.secretAccessKey()).hasSize(40);
        assertThat(temporary.sessionToken()).isNotBlank();
        assertThat(Duration.between(before, temporary.expiration())).isBetween(Duration.ofSeconds(890), Duration.ofSeconds(901));
        String roleId = iam.getRole(r -> r.roleName("reader")).role().roleId();
        assertThat(assumed.assumedRoleUser().assumedRoleId()).isEqualTo(roleId + ":alice-job");
        assertThat(assumed.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/reader/alice-job");

        try (StsClient session = server.client(StsClient.builder(), credentials(temporary))) {
            GetCallerIdentityResponse identity = session.getCallerIdentity();
            assertThat(identity.arn()).isEqualTo(assumed.assumedRoleUser().arn());
            assertThat(identity.userId()).isEqualTo(roleId + ":alice-job");
            assertThat(identity.account()).isEqualTo(ACCOUNT);
        }
    }

    @Test
    void temporaryCredentialsNeedTheirSessionToken() {
        Credentials temporary = as(alice, sts -> sts.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("token-check")))
                .credentials();
        Credentials wrongToken = temporary.toBuilder().sessionToken("not-the-token").build();

        try (StsClient missing = server.client(StsClient.builder(), StaticCredentialsProvider.create(
                AwsBasicCredentials.create(temporary.accessKeyId(), temporary.secretAccessKey())));
             StsClient wrong = server.client(StsClient.builder(), credentials(wrongToken))) {
            assertFails(missing::getCallerIdentity, "InvalidClientTokenId", 403,
                    "The security token included in the request is invalid");
            assertFails(wrong::getCallerIdentity, "InvalidClientTokenId", 403,
                    "The security token included in the request is invalid");
        }
    }

    @Test
    void aUserWithoutAPolicyIsDeniedWhenTheTrustPolicyOnlyNamesItsAccount() {
        assertFails(() -> as(nobody, sts -> sts.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("nope"))),
                "AccessDenied", 403, "User: arn:aws:iam::" + ACCOUNT + ":user/nobody is not authorized to perform:"
                        + " sts:AssumeRole on resource: " + ROLE_ARN);
    }

    @Test
    void aTrustPolicyNamingTheUserNeedsNoIdentityPolicy() {
        iam.createRole(r -> r.roleName("for-nobody")
                .assumeRolePolicyDocument(trust("arn:aws:iam::" + ACCOUNT + ":user/nobody")));

        AssumeRoleResponse assumed = as(nobody, sts -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + ACCOUNT
                + ":role/for-nobody").roleSessionName("named")));

        assertThat(assumed.assumedRoleUser().arn()).endsWith(":assumed-role/for-nobody/named");
    }

    @Test
    void anUnknownRoleIsDeniedLikeAnUntrustingOne() {
        String missing = "arn:aws:iam::" + ACCOUNT + ":role/missing";

        assertFails(() -> as(alice, sts -> sts.assumeRole(r -> r.roleArn(missing).roleSessionName("probe"))),
                "AccessDenied", 403, "User: arn:aws:iam::" + ACCOUNT + ":user/alice is not authorized to perform:"
                        + " sts:AssumeRole on resource: " + missing);
    }

    @Test
    void theRootMayNotAssumeRoles() {
        assertFails(() -> rootSts.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("root")), "AccessDenied", 403,
                "Roles may not be assumed by root accounts.");
    }

    @Test
    void anExternalIdConditionAllowsOnlyTheRightId() {
        iam.createRole(r -> r.roleName("partner").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + accountRoot() + "\"},\"Action\":\"sts:AssumeRole\","
                + "\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"shared-secret-42\"}}}]}"));
        String partner = "arn:aws:iam::" + ACCOUNT + ":role/partner";

        assertFails(() -> as(alice, sts -> sts.assumeRole(r -> r.roleArn(partner).roleSessionName("x1"))),
                "AccessDenied", 403, "User: arn:aws:iam::" + ACCOUNT + ":user/alice is not authorized to perform:"
                        + " sts:AssumeRole on resource: " + partner);
        assertFails(() -> as(alice, sts -> sts.assumeRole(r -> r.roleArn(partner).roleSessionName("x2")
                .externalId("wrong-id"))), "AccessDenied", 403, "User: arn:aws:iam::" + ACCOUNT + ":user/alice is not"
                + " authorized to perform: sts:AssumeRole on resource: " + partner);
        assertThat(as(alice, sts -> sts.assumeRole(r -> r.roleArn(partner).roleSessionName("x3")
                .externalId("shared-secret-42"))).credentials()).isNotNull();
    }

    @Test
    void theDurationIsLimitedByTheRoleAndByRoleChaining() {
        assertFails(() -> as(alice, sts -> sts.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("long")
                .durationSeconds(7201))), "ValidationError", 400,
                "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        assertFails(() -> as(alice, sts -> sts.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("short")
                .durationSeconds(899))), "ValidationError", 400,
                "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint:"
                        + " Member must have value greater than or equal to 900");

        iam.putRolePolicy(r -> r.roleName("reader").policyName("chain").policyDocument(allow("sts:AssumeRole")));
        Credentials first = as(alice, sts -> sts.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("first"))).credentials();
        try (StsClient chained = server.client(StsClient.builder(), credentials(first))) {
            assertFails(() -> chained.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("second").durationSeconds(3601)),
                    "ValidationError", 400,
                    "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
            assertThat(chained.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("second")).assumedRoleUser().arn())
                    .endsWith(":assumed-role/reader/second");
        } finally {
            iam.deleteRolePolicy(r -> r.roleName("reader").policyName("chain"));
        }
    }

    @Test
    void sessionPoliciesAreValidatedAndTagsNeedTagSession() {
        assertFails(() -> as(alice, sts -> sts.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("bad-policy")
                .policy("{\"Version\":\"2012-10-17\"}"))), "MalformedPolicyDocument", 400, "Syntax errors in policy.");
        assertFails(() -> as(alice, sts -> sts.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("tagged")
                .tags(Tag.builder().key("project").value("blue").build()))), "AccessDenied", 403,
                "User: arn:aws:iam::" + ACCOUNT + ":user/alice is not authorized to perform: sts:TagSession on resource: "
                        + ROLE_ARN);

        iam.createRole(r -> r.roleName("tagging").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":user/alice\"},"
                + "\"Action\":[\"sts:AssumeRole\",\"sts:TagSession\",\"sts:SetSourceIdentity\"]}]}"));
        AssumeRoleResponse narrowed = as(alice, sts -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + ACCOUNT
                + ":role/tagging").roleSessionName("narrow").policy(allow("s3:GetObject"))
                .tags(Tag.builder().key("project").value("blue").build()).sourceIdentity("alice@example.com")));
        assertThat(narrowed.packedPolicySize()).isBetween(1, 100);
        assertThat(narrowed.sourceIdentity()).isEqualTo("alice@example.com");
    }

    @Test
    void roleSessionNamesAreValidated() {
        assertFails(() -> as(alice, sts -> sts.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("has space"))),
                "ValidationError", 400, "1 validation error detected: Value 'has space' at 'roleSessionName' failed to"
                        + " satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*");
    }

    @Test
    void getSessionTokenGivesTheCallerTemporaryCredentialsOfItsOwn() {
        Credentials session = as(alice, sts -> sts.getSessionToken(r -> r.durationSeconds(900))).credentials();

        try (StsClient temporary = server.client(StsClient.builder(), credentials(session))) {
            assertThat(temporary.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/alice");
            assertFails(temporary::getSessionToken, "AccessDenied", 403,
                    "Cannot call GetSessionToken with session credentials");
        }
        Instant rootExpiry = rootSts.getSessionToken(r -> r.durationSeconds(7200)).credentials().expiration();
        assertThat(Duration.between(Instant.now(), rootExpiry)).isLessThanOrEqualTo(Duration.ofHours(1));
    }

    @Test
    void getAccessKeyInfoNamesTheAccountOfAnyKey() {
        Credentials temporary = as(alice, sts -> sts.getSessionToken()).credentials();

        assertThat(rootSts.getAccessKeyInfo(r -> r.accessKeyId(alice.accessKeyId())).account()).isEqualTo(ACCOUNT);
        assertThat(rootSts.getAccessKeyInfo(r -> r.accessKeyId(temporary.accessKeyId())).account()).isEqualTo(ACCOUNT);
        // A key of another AWS account, decoded as AWS decodes it.
        assertThat(rootSts.getAccessKeyInfo(r -> r.accessKeyId("ASIAY34FZKBOKMUTVV7A")).account()).isEqualTo("609629065308");
    }

    @Test
    void secretAccessKeysNeverReachTheAuditTrail() {
        Credentials temporary = as(alice, sts -> sts.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("audited")))
                .credentials();

        assertThat(server.auditRecords()).extracting(CallRecord::toString)
                .noneMatch(record -> record.contains(temporary.secretAccessKey()) || record.contains(alice.secretAccessKey()));
        assertThat(server.auditRecords()).filteredOn(record -> record.eventName().equals("AssumeRole"))
                .anySatisfy(record -> assertThat(record.resources()).contains(ROLE_ARN));
    }

    private static <T> T as(AccessKey key, Function<StsClient, T> call) {
        try (StsClient sts = server.client(StsClient.builder(), credentials(key))) {
            return call.apply(sts);
        }
    }
}
