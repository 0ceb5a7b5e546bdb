package dev.bulwark.testing.kms;

import static dev.bulwark.testing.kms.KmsErrors.assertKmsError;
import static dev.bulwark.testing.kms.KmsErrors.assertKmsErrorCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testing.BulwarkTestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.CreateGrantResponse;
import software.amazon.awssdk.services.kms.model.GrantListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/**
 * Grants through the real AWS SDK for Java v2: their lifecycle, listing and paging, retiring and
 * revoking, names, and AWS's errors. Whether a grant lets another principal use a key is tested
 * at unit level (GrantAuthorizationTest), since a second principal needs the IAM service.
 */
class KmsGrantsEndToEndTest {
    private static final String ACCOUNT = BulwarkTestServer.ACCOUNT.value();
    private static final String APP_USER = "arn:aws:iam::" + ACCOUNT + ":user/appUser";
    private static final String ADMIN = "arn:aws:iam::" + ACCOUNT + ":user/acctAdmin";

    private static BulwarkTestServer server;
    private static KmsClient kms;

    @BeforeAll
    static void start() {
        server = BulwarkTestServer.start();
        kms = server.client(KmsClient.builder());
    }

    @AfterAll
    static void stop() {
        kms.close();
        server.close();
    }

    private static KeyMetadata createKey() {
        return kms.createKey(request -> request.description("grants")).keyMetadata();
    }

    private static List<GrantListEntry> grantsOf(String keyId) {
        return kms.listGrantsPaginator(request -> request.keyId(keyId)).grants().stream().toList();
    }

    @Test
    void aGrantIsCreatedListedUsedByTokenAndRetired() {
        KeyMetadata key = createKey();

        CreateGrantResponse created = kms.createGrant(request -> request.keyId(key.keyId()).granteePrincipal(APP_USER)
                .retiringPrincipal(ADMIN).operationsWithStrings("GenerateDataKey", "Decrypt")
                .constraints(constraints -> constraints.encryptionContextSubset(Map.of("Department", "IT"))));

        assertThat(created.grantId()).matches("[0-9a-f]{64}");
        GrantListEntry listed = grantsOf(key.keyId()).getFirst();
        assertThat(listed.grantId()).isEqualTo(created.grantId());
        assertThat(listed.keyId()).isEqualTo(key.arn());
        assertThat(listed.granteePrincipal()).isEqualTo(APP_USER);
        assertThat(listed.retiringPrincipal()).isEqualTo(ADMIN);
        assertThat(listed.issuingAccount()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":root");
        assertThat(listed.operationsAsStrings()).containsExactly("GenerateDataKey", "Decrypt");
        assertThat(listed.constraints().encryptionContextSubset()).containsEntry("Department", "IT");
        assertThat(listed.name()).isEmpty();
        assertThat(listed.creationDate()).isNotNull();

        kms.generateDataKey(request -> request.keyId(key.keyId()).keySpec("AES_256").grantTokens(created.grantToken())
                .encryptionContext(Map.of("Department", "IT")));
        assertKmsError(() -> kms.encrypt(request -> request.keyId(key.keyId()).plaintext(SdkBytes.fromUtf8String("x"))
                .grantTokens("not-a-grant-token")), "InvalidGrantTokenException", "Invalid grant token.");

        assertThat(kms.listRetirableGrants(request -> request.retiringPrincipal(ADMIN)).grants())
                .extracting(GrantListEntry::grantId).contains(created.grantId());
        kms.retireGrant(request -> request.grantToken(created.grantToken()));
        assertThat(grantsOf(key.keyId())).isEmpty();
    }

    @Test
    void grantsAreRetiredByIdAndRevoked() {
        KeyMetadata key = createKey();
        String retired = kms.createGrant(request -> request.keyId(key.keyId()).granteePrincipal(APP_USER)
                .operationsWithStrings("Decrypt", "Encrypt")).grantId();
        String revoked = kms.createGrant(request -> request.keyId(key.keyId()).granteePrincipal(APP_USER)
                .operationsWithStrings("DescribeKey")).grantId();

        kms.retireGrant(request -> request.keyId(key.keyId()).grantId(retired));
        kms.revokeGrant(request -> request.keyId(key.arn()).grantId(revoked));

        assertThat(grantsOf(key.keyId())).isEmpty();
        assertKmsError(() -> kms.revokeGrant(request -> request.keyId(key.keyId()).grantId(revoked)),
                "InvalidGrantIdException", "Invalid grant ID '" + revoked + "'");
        assertKmsError(() -> kms.retireGrant(request -> request.grantToken("garbage")), "InvalidGrantTokenException",
                "Invalid grant token.");
    }

    @Test
    void listGrantsPagesWithTheSdkPaginatorAndFilters() {
        KeyMetadata key = createKey();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String grantee = i < 2 ? ADMIN : APP_USER;
            created.add(kms.createGrant(request -> request.keyId(key.keyId()).granteePrincipal(grantee)
                    .operationsWithStrings("Decrypt")).grantId());
        }

        assertThat(kms.listGrants(request -> request.keyId(key.keyId()).limit(2)).truncated()).isTrue();
        assertThat(kms.listGrantsPaginator(request -> request.keyId(key.keyId()).limit(2)).grants().stream()
                .map(GrantListEntry::grantId).toList()).containsExactlyInAnyOrderElementsOf(created);
        assertThat(kms.listGrants(request -> request.keyId(key.keyId()).granteePrincipal(ADMIN)).grants())
                .extracting(GrantListEntry::grantId).containsExactlyInAnyOrder(created.get(0), created.get(1));
        assertThat(kms.listGrants(request -> request.keyId(key.keyId()).grantId(created.get(4))).grants())
                .extracting(GrantListEntry::grantId).containsExactly(created.get(4));
    }

    @Test
    void aGrantNameMakesCreateGrantIdempotentPerKey() {
        KeyMetadata first = createKey();
        KeyMetadata second = createKey();

        String one = kms.createGrant(request -> request.keyId(first.keyId()).granteePrincipal(APP_USER).name("TestGrantName")
                .operationsWithStrings("Decrypt", "DescribeKey")).grantId();
        String again = kms.createGrant(request -> request.keyId(first.keyId()).granteePrincipal(APP_USER).name("TestGrantName")
                .operationsWithStrings("Decrypt", "DescribeKey")).grantId();
        String other = kms.createGrant(request -> request.keyId(second.keyId()).granteePrincipal(APP_USER).name("TestGrantName")
                .operationsWithStrings("Decrypt", "DescribeKey")).grantId();

        assertThat(again).isEqualTo(one);
        assertThat(other).isNotEqualTo(one);
        assertThat(grantsOf(first.keyId())).singleElement().satisfies(grant -> assertThat(grant.name()).isEqualTo("TestGrantName"));
        assertThat(grantsOf(second.keyId())).hasSize(1);
    }

    @Test
    void invalidGrantsAreRefusedWithAwsErrors() {
        KeyMetadata signing = kms.createKey(request -> request.keySpec("ECC_NIST_P256").keyUsage("SIGN_VERIFY")).keyMetadata();

        assertKmsErrorCode(() -> kms.createGrant(request -> request.keyId("invalid").granteePrincipal(APP_USER)
                .operationsWithStrings("Decrypt", "Encrypt")), "NotFoundException");
        assertKmsErrorCode(() -> kms.listGrants(request -> request.keyId("invalid")), "NotFoundException");
        assertKmsError(() -> kms.createGrant(request -> request.keyId(signing.keyId()).granteePrincipal(APP_USER)
                .operationsWithStrings("Encrypt")), "ValidationException", "Grant operations [Encrypt] are not valid for key "
                + signing.arn() + " with KeySpec ECC_NIST_P256 and KeyUsage SIGN_VERIFY.");
        assertKmsError(() -> kms.createGrant(request -> request.keyId(signing.keyId()).granteePrincipal(APP_USER)
                .operationsWithStrings("CreateGrant")), "ValidationException", "Grants must not contain only the CreateGrant operation.");
        assertKmsError(() -> kms.createGrant(request -> request.keyId("alias/aws/ebs").granteePrincipal(APP_USER)
                .operationsWithStrings("Decrypt")), "InvalidArnException", "Key Aliases are not supported for this operation.");
        assertKmsErrorCode(() -> kms.createGrant(request -> request.keyId(signing.keyId()).granteePrincipal(APP_USER)
                .operationsWithStrings("Sign", "Fly")), "ValidationException");
    }
}
