package dev.bulwark.testing.iam;

import static dev.bulwark.testing.iam.IamTesting.ACCOUNT;
import static dev.bulwark.testing.iam.IamTesting.allow;
import static dev.bulwark.testing.iam.IamTesting.assertFails;
import static dev.bulwark.testing.iam.IamTesting.credentials;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.audit.CallRecord;
import dev.bulwark.testing.BulwarkTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedResponse;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.sts.StsClient;

/** Access keys: CreateAccessKey, ListAccessKeys, UpdateAccessKey, DeleteAccessKey, GetAccessKeyLastUsed. */
class IamAccessKeysEndToEndTest {
    private static BulwarkTestServer server;
    private static IamClient iam;

    @BeforeAll
    static void start() {
        server = BulwarkTestServer.start();
        iam = server.client(IamClient.builder());
    }

    @AfterAll
    static void stop() {
        iam.close();
        server.close();
    }

    @Test
    void aNewKeyAuthenticatesAsItsUser() {
        iam.createUser(r -> r.userName("key-alice"));
        iam.putUserPolicy(r -> r.userName("key-alice").policyName("key-info").policyDocument(allow("sts:GetAccessKeyInfo")));

        AccessKey key = iam.createAccessKey(r -> r.userName("key-alice")).accessKey();

        assertThat(key.accessKeyId()).matches("AKIA[A-Z2-7]{16}");
        assertThat(key.secretAccessKey()).hasSize(40);
        assertThat(key.statusAsString()).isEqualTo("Active");
        assertThat(key.userName()).isEqualTo("key-alice");
        try (StsClient alice = server.client(StsClient.builder(), credentials(key))) {
            assertThat(alice.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/key-alice");
            assertThat(alice.getAccessKeyInfo(r -> r.accessKeyId(key.accessKeyId())).account()).isEqualTo(ACCOUNT);
        }
    }

    @Test
    void aUserHasAtMostTwoKeys() {
        iam.createUser(r -> r.userName("key-bob"));
        iam.createAccessKey(r -> r.userName("key-bob"));
        iam.createAccessKey(r -> r.userName("key-bob"));

        assertFails(() -> iam.createAccessKey(r -> r.userName("key-bob")), "LimitExceeded", 409,
                "Cannot exceed quota for AccessKeysPerUser: 2");
        assertThat(iam.listAccessKeys(r -> r.userName("key-bob")).accessKeyMetadata()).hasSize(2)
                .allSatisfy(metadata -> assertThat(metadata.userName()).isEqualTo("key-bob"));
    }

    @Test
    void anInactiveKeyStopsAuthenticatingAndAReactivatedOneWorksAgain() {
        iam.createUser(r -> r.userName("key-carol"));
        AccessKey key = iam.createAccessKey(r -> r.userName("key-carol")).accessKey();
        try (StsClient carol = server.client(StsClient.builder(), credentials(key));
             IamClient carolIam = server.client(IamClient.builder(), credentials(key))) {
            carol.getCallerIdentity();

            iam.updateAccessKey(r -> r.userName("key-carol").accessKeyId(key.accessKeyId()).status(StatusType.INACTIVE));

            assertFails(carol::getCallerIdentity, "InvalidClientTokenId", 403,
                    "The security token included in the request is invalid.");
            assertFails(carolIam::listUsers, "InvalidClientTokenId", 403,
                    "The security token included in the request is invalid.");
            assertThat(iam.listAccessKeys(r -> r.userName("key-carol")).accessKeyMetadata())
                    .extracting(AccessKeyMetadata::statusAsString).containsExactly("Inactive");

            iam.updateAccessKey(r -> r.userName("key-carol").accessKeyId(key.accessKeyId()).status(StatusType.ACTIVE));
            assertThat(carol.getCallerIdentity().arn()).endsWith(":user/key-carol");
        }
    }

    @Test
    void aDeletedKeyIsUnknown() {
        iam.createUser(r -> r.userName("key-dave"));
        AccessKey key = iam.createAccessKey(r -> r.userName("key-dave")).accessKey();

        iam.deleteAccessKey(r -> r.userName("key-dave").accessKeyId(key.accessKeyId()));

        try (StsClient dave = server.client(StsClient.builder(), credentials(key))) {
            assertFails(dave::getCallerIdentity, "InvalidClientTokenId", 403,
                    "The security token included in the request is invalid.");
        }
        assertFails(() -> iam.deleteAccessKey(r -> r.userName("key-dave").accessKeyId(key.accessKeyId())),
                "NoSuchEntity", 404, "The Access Key with id " + key.accessKeyId() + " cannot be found.");
    }

    @Test
    void aKeyIsOnlyFoundWithTheUserThatOwnsIt() {
        iam.createUser(r -> r.userName("key-owner"));
        iam.createUser(r -> r.userName("key-other"));
        AccessKey key = iam.createAccessKey(r -> r.userName("key-owner")).accessKey();

        assertFails(() -> iam.updateAccessKey(r -> r.userName("key-other").accessKeyId(key.accessKeyId())
                .status(StatusType.INACTIVE)), "NoSuchEntity", 404,
                "The Access Key with id " + key.accessKeyId() + " cannot be found.");
    }

    @Test
    void lastUseIsNotApplicableUntilTheKeyIsUsed() {
        iam.createUser(r -> r.userName("key-erin"));
        AccessKey key = iam.createAccessKey(r -> r.userName("key-erin")).accessKey();

        GetAccessKeyLastUsedResponse unused = iam.getAccessKeyLastUsed(r -> r.accessKeyId(key.accessKeyId()));
        assertThat(unused.userName()).isEqualTo("key-erin");
        assertThat(unused.accessKeyLastUsed().serviceName()).isEqualTo("N/A");
        assertThat(unused.accessKeyLastUsed().region()).isEqualTo("N/A");
        assertThat(unused.accessKeyLastUsed().lastUsedDate()).isNull();

        try (StsClient erin = server.client(StsClient.builder(), credentials(key))) {
            erin.getCallerIdentity();
        }

        GetAccessKeyLastUsedResponse used = iam.getAccessKeyLastUsed(r -> r.accessKeyId(key.accessKeyId()));
        assertThat(used.accessKeyLastUsed().serviceName()).isEqualTo("sts");
        assertThat(used.accessKeyLastUsed().region()).isEqualTo("us-east-1");
        assertThat(used.accessKeyLastUsed().lastUsedDate()).isNotNull();
    }

    @Test
    void withoutAUserNameTheRootManagesItsOwnKeys() {
        AccessKey rootKey = iam.createAccessKey().accessKey();
        try {
            assertThat(rootKey.userName()).isNull();
            try (StsClient root = server.client(StsClient.builder(), credentials(rootKey))) {
                assertThat(root.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":root");
            }
            assertThat(iam.listAccessKeys().accessKeyMetadata()).extracting(AccessKeyMetadata::accessKeyId)
                    .contains(rootKey.accessKeyId(), server.resolvedAdminCredentials().accessKeyId());
        } finally {
            iam.deleteAccessKey(r -> r.accessKeyId(rootKey.accessKeyId()));
        }
    }

    @Test
    void theSecretNeverReachesTheAuditTrail() {
        iam.createUser(r -> r.userName("key-audited"));
        AccessKey key = iam.createAccessKey(r -> r.userName("key-audited")).accessKey();

        assertThat(server.auditRecords()).extracting(CallRecord::toString)
                .noneMatch(record -> record.contains(key.secretAccessKey()));
        CallRecord create = server.auditRecords().stream()
                .filter(record -> record.eventName().equals("CreateAccessKey") && record.errorCode().isEmpty())
                .reduce((first, second) -> second).orElseThrow();
        assertThat(create.eventSource()).isEqualTo("iam.amazonaws.com");
        assertThat(create.resources()).contains("arn:aws:iam::" + ACCOUNT + ":user/key-audited");
    }
}
