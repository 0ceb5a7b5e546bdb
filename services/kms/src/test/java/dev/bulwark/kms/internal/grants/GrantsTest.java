package dev.bulwark.kms.internal.grants;

import static dev.bulwark.kms.testing.AwsErrorAssert.assertAwsError;
import static dev.bulwark.kms.testing.AwsErrorAssert.assertAwsErrorCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.call.Caller;
import dev.bulwark.kms.internal.KmsSchema;
import dev.bulwark.kms.internal.KmsScope;
import dev.bulwark.kms.internal.lifecycle.KeyCreation;
import dev.bulwark.kms.internal.lifecycle.KeyDeletion;
import dev.bulwark.kms.internal.lifecycle.KeyLifecycle;
import dev.bulwark.kms.testing.KmsTestKit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.model.CreateGrantRequest;
import software.amazon.awssdk.services.kms.model.CreateGrantResponse;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.DisableKeyRequest;
import software.amazon.awssdk.services.kms.model.GrantListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.ListGrantsRequest;
import software.amazon.awssdk.services.kms.model.ListGrantsResponse;
import software.amazon.awssdk.services.kms.model.ListRetirableGrantsRequest;
import software.amazon.awssdk.services.kms.model.RetireGrantRequest;
import software.amazon.awssdk.services.kms.model.RevokeGrantRequest;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionRequest;

/** CreateGrant, ListGrants, ListRetirableGrants, RetireGrant and RevokeGrant as operations. */
class GrantsTest {
    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    private static final String BOB = "arn:aws:iam::111122223333:user/bob";
    private static final String ROOT = "arn:aws:iam::111122223333:root";

    private final KmsTestKit kit = new KmsTestKit();
    private final KeyCreation creation = new KeyCreation(kit.core);
    private final KeyLifecycle lifecycle = new KeyLifecycle(kit.core);
    private final KeyDeletion deletion = new KeyDeletion(kit.core);
    private final GrantCreation grants = new GrantCreation(kit.core);
    private final GrantListing listing = new GrantListing(kit.core);
    private final GrantRetirement retirement = new GrantRetirement(kit.core);

    private KeyMetadata createKey(String spec, String usage) {
        return creation.createKey(kit.caller(), CreateKeyRequest.builder().keySpec(spec).keyUsage(usage).build()).keyMetadata();
    }

    private KeyMetadata symmetricKey() {
        return createKey("SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT");
    }

    private CreateGrantResponse grant(String keyId, UnaryOperator<CreateGrantRequest.Builder> request) {
        return grant(kit.caller(), keyId, request);
    }

    private CreateGrantResponse grant(Caller caller, String keyId, UnaryOperator<CreateGrantRequest.Builder> request) {
        return grants.createGrant(caller, request.apply(CreateGrantRequest.builder().keyId(keyId)).build());
    }

    private List<GrantListEntry> grantsOf(String keyId) {
        return listing.listGrants(kit.caller(), ListGrantsRequest.builder().keyId(keyId).build()).grants();
    }

    @Test
    void aGrantHasAnAwsStyleIdAndTokenAndIsListedAsAwsListsIt() {
        KeyMetadata key = symmetricKey();

        CreateGrantResponse created = grant(key.keyId(), request -> request.granteePrincipal(ALICE).retiringPrincipal(BOB)
                .operationsWithStrings("Decrypt", "Encrypt")
                .constraints(constraints -> constraints.encryptionContextSubset(Map.of("Department", "IT"))));

        assertThat(created.grantId()).matches("[0-9a-f]{64}");
        assertThat(created.grantToken()).matches("[A-Za-z0-9_-]{150,}");
        GrantListEntry entry = grantsOf(key.keyId()).getFirst();
        assertThat(entry.keyId()).isEqualTo(key.arn());
        assertThat(entry.grantId()).isEqualTo(created.grantId());
        assertThat(entry.name()).as("AWS shows a grant without a name with an empty one").isEmpty();
        assertThat(entry.creationDate()).isEqualTo(kit.clock.instant());
        assertThat(entry.granteePrincipal()).isEqualTo(ALICE);
        assertThat(entry.retiringPrincipal()).isEqualTo(BOB);
        assertThat(entry.issuingAccount()).isEqualTo(ROOT);
        assertThat(entry.operationsAsStrings()).containsExactly("Decrypt", "Encrypt");
        assertThat(entry.constraints().encryptionContextSubset()).isEqualTo(Map.of("Department", "IT"));
        assertThat(entry.constraints().hasEncryptionContextEquals()).isFalse();
    }

    @Test
    void createGrantIsAuthorizedWithTheGrantConditionKeys() {
        KeyMetadata key = symmetricKey();

        grant(key.keyId(), request -> request.granteePrincipal(ALICE).retiringPrincipal(BOB).operationsWithStrings("Decrypt")
                .constraints(constraints -> constraints.encryptionContextEquals(Map.of("a", "b"))));

        assertThat(kit.lastAuthorization("kms:CreateGrant").resourceArn()).isEqualTo(key.arn());
        assertThat(kit.lastConditions("kms:CreateGrant")).containsEntry("kms:GrantOperations", List.of("Decrypt"))
                .containsEntry("kms:GranteePrincipal", List.of(ALICE))
                .containsEntry("kms:RetiringPrincipal", List.of(BOB))
                .containsEntry("kms:GrantIsForAWSResource", List.of("false"))
                .containsEntry("kms:GrantConstraintType", List.of("EncryptionContextEquals"));
    }

    @Test
    void theModelsConstraintsAreCheckedFirst() {
        KeyMetadata key = symmetricKey();

        assertAwsError(() -> grant(key.keyId(), request -> request.granteePrincipal(ALICE).operationsWithStrings("Decrypt", "Fly")),
                "ValidationException", "1 validation error detected: Value '[Decrypt, Fly]' at 'operations' failed to satisfy "
                        + "constraint: Member must satisfy constraint: [Member must satisfy enum value set: [Decrypt, Encrypt, "
                        + "GenerateDataKey, GenerateDataKeyWithoutPlaintext, ReEncryptFrom, ReEncryptTo, Sign, Verify, GetPublicKey, "
                        + "CreateGrant, RetireGrant, DescribeKey, GenerateDataKeyPair, GenerateDataKeyPairWithoutPlaintext, "
                        + "GenerateMac, VerifyMac, DeriveSharedSecret]]");
        assertAwsError(() -> grant(key.keyId(), request -> request.operationsWithStrings("Decrypt")), "ValidationException",
                "1 validation error detected: Value null at 'granteePrincipal' failed to satisfy constraint: Member must not be null");
        assertAwsError(() -> grant(key.keyId(), request -> request.granteePrincipal(ALICE).operationsWithStrings("Decrypt")
                .name("has space")), "ValidationException", "1 validation error detected: Value 'has space' at 'name' failed to "
                + "satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$");
        assertAwsError(() -> grant(key.keyId(), request -> request.granteePrincipal(ALICE).operationsWithStrings("Decrypt")
                .grantTokens(List.of("t", "t", "t", "t", "t", "t", "t", "t", "t", "t", "t"))), "ValidationException",
                "1 validation error detected: Value '[t, t, t, t, t, t, t, t, t, t, t]' at 'grantTokens' failed to satisfy "
                        + "constraint: Member must have length less than or equal to 10");
        assertAwsError(() -> grant(key.keyId(), request -> request.granteePrincipal(ALICE).operationsWithStrings("Decrypt")
                .grantTokens("not-a-token")), "InvalidGrantTokenException", "Invalid grant token.");
    }

    @Test
    void principalsMustBeAwsPrincipalsOrServicePrincipals() {
        KeyMetadata key = symmetricKey();

        for (String principal : List.of(ALICE, ROOT, "arn:aws:iam::111122223333:role/ops/Admin",
                "arn:aws:sts::111122223333:assumed-role/Admin/session", "rds.amazonaws.com")) {
            grant(key.keyId(), request -> request.granteePrincipal(principal).operationsWithStrings("Decrypt"));
        }
        assertAwsError(() -> grant(key.keyId(), request -> request.granteePrincipal("alice").operationsWithStrings("Decrypt")),
                "InvalidArnException", "Invalid arn alice");
        assertAwsError(() -> grant(key.keyId(), request -> request.granteePrincipal(ALICE).retiringPrincipal("arn:aws:s3:::bucket")
                .operationsWithStrings("Decrypt")), "InvalidArnException", "Invalid arn arn:aws:s3:::bucket");
    }

    @Test
    void aGrantMayOnlyAllowWhatItsKeyCanDo() {
        KeyMetadata signing = createKey("ECC_NIST_P256", "SIGN_VERIFY");
        KeyMetadata rsa = createKey("RSA_2048", "ENCRYPT_DECRYPT");
        KeyMetadata hmac = createKey("HMAC_256", "GENERATE_VERIFY_MAC");
        KeyMetadata symmetric = symmetricKey();

        assertAwsError(() -> grant(signing.keyId(), request -> request.granteePrincipal(ALICE).operationsWithStrings("Sign", "Encrypt")),
                "ValidationException", "Grant operations [Encrypt] are not valid for key " + signing.arn()
                        + " with KeySpec ECC_NIST_P256 and KeyUsage SIGN_VERIFY.");
        assertAwsErrorCode(() -> grant(rsa.keyId(), request -> request.granteePrincipal(ALICE).operationsWithStrings("GenerateDataKey")),
                "ValidationException");
        assertAwsErrorCode(() -> grant(symmetric.keyId(), request -> request.granteePrincipal(ALICE).operationsWithStrings("Sign")),
                "ValidationException");
        assertAwsErrorCode(() -> grant(hmac.keyId(), request -> request.granteePrincipal(ALICE).operationsWithStrings("Decrypt")),
                "ValidationException");

        grant(signing.keyId(), request -> request.granteePrincipal(ALICE).operationsWithStrings("Sign", "Verify", "GetPublicKey",
                "DescribeKey", "CreateGrant", "RetireGrant"));
        grant(rsa.keyId(), request -> request.granteePrincipal(ALICE).operationsWithStrings("Encrypt", "Decrypt", "GetPublicKey"));
        grant(hmac.keyId(), request -> request.granteePrincipal(ALICE).operationsWithStrings("GenerateMac", "VerifyMac"));
    }

    @Test
    void encryptionContextConstraintsAreForSymmetricEncryptionKeysOnly() {
        KeyMetadata rsa = createKey("RSA_2048", "ENCRYPT_DECRYPT");

        assertAwsError(() -> grant(rsa.keyId(), request -> request.granteePrincipal(ALICE).operationsWithStrings("Decrypt")
                        .constraints(constraints -> constraints.encryptionContextSubset(Map.of("a", "b")))),
                "ValidationException", "Encryption context grant constraints are not supported for key " + rsa.arn()
                        + ": only symmetric encryption KMS keys take an encryption context.");
    }

    @Test
    void aGrantOfOnlyCreateGrantIsRefusedAsAwsRefusesIt() {
        KeyMetadata key = symmetricKey();

        assertAwsError(() -> grant(key.keyId(), request -> request.granteePrincipal(ALICE).operationsWithStrings("CreateGrant")),
                "ValidationException", "Grants must not contain only the CreateGrant operation.");
    }

    @Test
    void grantsAreMadeOnEnabledKeysNamedByIdOrArn() {
        KeyMetadata key = symmetricKey();
        grant(key.arn(), request -> request.granteePrincipal(ALICE).operationsWithStrings("Decrypt"));

        assertAwsError(() -> grant("alias/anything", request -> request.granteePrincipal(ALICE).operationsWithStrings("Decrypt")),
                "InvalidArnException", "Key Aliases are not supported for this operation.");
        assertAwsError(() -> grant("invalid", request -> request.granteePrincipal(ALICE).operationsWithStrings("Decrypt")),
                "NotFoundException", "Invalid keyId 'invalid'");
        lifecycle.disableKey(kit.caller(), DisableKeyRequest.builder().keyId(key.keyId()).build());
        assertAwsError(() -> grant(key.keyId(), request -> request.granteePrincipal(ALICE).operationsWithStrings("Decrypt")),
                "DisabledException", key.arn() + " is disabled.");
    }

    @Test
    void aNamedGrantIsCreatedOnceForTheSameParameters() {
        KeyMetadata key = symmetricKey();
        KeyMetadata other = symmetricKey();
        UnaryOperator<CreateGrantRequest.Builder> named = request -> request.granteePrincipal(ALICE).name("TestGrantName")
                .operationsWithStrings("Decrypt", "DescribeKey");

        CreateGrantResponse first = grant(key.keyId(), named);
        CreateGrantResponse retried = grant(key.keyId(), named);
        CreateGrantResponse reordered = grant(key.keyId(), request -> named.apply(request).operationsWithStrings("DescribeKey", "Decrypt"));
        CreateGrantResponse changed = grant(key.keyId(), request -> named.apply(request).operationsWithStrings("Decrypt"));
        CreateGrantResponse onOtherKey = grant(other.keyId(), named);

        assertThat(retried.grantId()).isEqualTo(first.grantId());
        assertThat(reordered.grantId()).isEqualTo(first.grantId());
        assertThat(retried.grantToken()).as("every call gets its own token").isNotEqualTo(first.grantToken());
        assertThat(changed.grantId()).as("the same name with other parameters is another grant").isNotEqualTo(first.grantId());
        assertThat(onOtherKey.grantId()).isNotEqualTo(first.grantId());
        assertThat(grantsOf(key.keyId())).extracting(GrantListEntry::grantId)
                .containsExactlyInAnyOrder(first.grantId(), changed.grantId());
        assertThat(grantsOf(other.keyId())).extracting(GrantListEntry::grantId).containsExactly(onOtherKey.grantId());
    }

    @Test
    void dryRunChecksEverythingAndCreatesNothing() {
        KeyMetadata key = symmetricKey();

        assertAwsError(() -> grant(key.keyId(), request -> request.granteePrincipal(ALICE).operationsWithStrings("Decrypt").dryRun(true)),
                "DryRunOperationException", "The request would have succeeded, but the DryRun option is set.");
        assertThat(grantsOf(key.keyId())).isEmpty();
    }

    @Test
    void listGrantsPagesAndFilters() {
        KeyMetadata key = symmetricKey();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String grantee = i % 2 == 0 ? ALICE : BOB;
            ids.add(grant(key.keyId(), request -> request.granteePrincipal(grantee).operationsWithStrings("Decrypt")).grantId());
        }

        List<String> paged = new ArrayList<>();
        String marker = null;
        do {
            ListGrantsResponse page = listing.listGrants(kit.caller(),
                    ListGrantsRequest.builder().keyId(key.keyId()).limit(2).marker(marker).build());
            assertThat(page.grants()).hasSizeLessThanOrEqualTo(2);
            page.grants().forEach(grant -> paged.add(grant.grantId()));
            marker = page.truncated() ? page.nextMarker() : null;
        } while (marker != null);
        assertThat(paged).containsExactlyInAnyOrderElementsOf(ids).doesNotHaveDuplicates();

        assertThat(listing.listGrants(kit.caller(), ListGrantsRequest.builder().keyId(key.keyId()).granteePrincipal(BOB).build())
                .grants()).extracting(GrantListEntry::grantId).containsExactlyInAnyOrder(ids.get(1), ids.get(3));
        assertThat(listing.listGrants(kit.caller(), ListGrantsRequest.builder().keyId(key.keyId()).grantId(ids.get(2)).build())
                .grants()).extracting(GrantListEntry::grantId).containsExactly(ids.get(2));
        assertThat(listing.listGrants(kit.caller(), ListGrantsRequest.builder().keyId(key.keyId()).grantId("0".repeat(64)).build())
                .grants()).isEmpty();
        assertAwsError(() -> listing.listGrants(kit.caller(), ListGrantsRequest.builder().keyId(key.keyId()).grantId("nope").build()),
                "InvalidGrantIdException", "Invalid grant ID 'nope'");
        assertAwsError(() -> listing.listGrants(kit.caller(), ListGrantsRequest.builder().keyId(key.keyId()).marker("!!").build()),
                "InvalidMarkerException", "The marker that specifies where pagination should next begin is not valid.");
        assertAwsError(() -> listing.listGrants(kit.caller(), ListGrantsRequest.builder().keyId("invalid").build()),
                "NotFoundException", "Invalid keyId 'invalid'");
    }

    @Test
    void listRetirableGrantsFindsTheGrantsAPrincipalMayRetireAcrossKeys() {
        KeyMetadata first = symmetricKey();
        KeyMetadata second = symmetricKey();
        String one = grant(first.keyId(), request -> request.granteePrincipal(ALICE).retiringPrincipal(BOB)
                .operationsWithStrings("Decrypt")).grantId();
        String two = grant(second.keyId(), request -> request.granteePrincipal(ALICE).retiringPrincipal(BOB)
                .operationsWithStrings("Encrypt")).grantId();
        grant(second.keyId(), request -> request.granteePrincipal(BOB).retiringPrincipal(ALICE).operationsWithStrings("Encrypt"));

        List<GrantListEntry> retirable = listing.listRetirableGrants(kit.caller(),
                ListRetirableGrantsRequest.builder().retiringPrincipal(BOB).build()).grants();

        assertThat(retirable).extracting(GrantListEntry::grantId).containsExactlyInAnyOrder(one, two);
        assertThat(kit.lastAuthorization("kms:ListRetirableGrants").resourceArn()).isEqualTo(BOB);

        var firstPage = listing.listRetirableGrants(kit.caller(),
                ListRetirableGrantsRequest.builder().retiringPrincipal(BOB).limit(1).build());
        var secondPage = listing.listRetirableGrants(kit.caller(),
                ListRetirableGrantsRequest.builder().retiringPrincipal(BOB).limit(1).marker(firstPage.nextMarker()).build());
        assertThat(firstPage.truncated()).isTrue();
        assertThat(secondPage.truncated()).isFalse();
        assertThat(List.of(firstPage.grants().getFirst().grantId(), secondPage.grants().getFirst().grantId()))
                .containsExactlyInAnyOrder(one, two);
    }

    @Test
    void retireGrantByTokenOrByKeyAndGrantId() {
        KeyMetadata key = symmetricKey();
        CreateGrantResponse byToken = grant(key.keyId(), request -> request.granteePrincipal(ALICE).operationsWithStrings("Decrypt"));
        CreateGrantResponse byId = grant(key.keyId(), request -> request.granteePrincipal(ALICE).operationsWithStrings("Decrypt"));

        retirement.retireGrant(kit.caller(), RetireGrantRequest.builder().grantToken(byToken.grantToken()).build());
        retirement.retireGrant(kit.caller(), RetireGrantRequest.builder().keyId(key.arn()).grantId(byId.grantId()).build());

        assertThat(grantsOf(key.keyId())).isEmpty();
        assertAwsError(() -> retirement.retireGrant(kit.caller(), RetireGrantRequest.builder().grantToken(byToken.grantToken()).build()),
                "InvalidGrantIdException", "Invalid grant ID '" + byToken.grantId() + "'");
        assertAwsError(() -> retirement.retireGrant(kit.caller(), RetireGrantRequest.builder().grantId(byId.grantId()).build()),
                "ValidationException", "Grant token OR (grant ID, key ID) must be specified");
        assertAwsError(() -> retirement.retireGrant(kit.caller(), RetireGrantRequest.builder().grantToken("garbage").build()),
                "InvalidGrantTokenException", "Invalid grant token.");
    }

    @Test
    void aGrantDecidesWhoMayRetireIt() {
        KeyMetadata key = symmetricKey();
        Caller alice = kit.iamUser("alice");
        Caller bob = kit.iamUser("bob");
        Caller carol = kit.iamUser("carol");
        String retiredByBob = grant(key.keyId(), request -> request.granteePrincipal(ALICE).retiringPrincipal(BOB)
                .operationsWithStrings("Decrypt")).grantId();
        String retiredByItsGrantee = grant(key.keyId(), request -> request.granteePrincipal(ALICE)
                .operationsWithStrings("Decrypt", "RetireGrant")).grantId();
        String notByItsGrantee = grant(key.keyId(), request -> request.granteePrincipal(ALICE)
                .operationsWithStrings("Decrypt")).grantId();

        assertAwsError(() -> retire(carol, key, retiredByBob), "AccessDeniedException", "User: " + carol.principal().arn()
                + " is not authorized to perform: kms:RetireGrant on resource: " + key.arn()
                + " because no identity-based policy allows the kms:RetireGrant action");
        assertAwsErrorCode(() -> retire(alice, key, notByItsGrantee), "AccessDeniedException");
        retire(bob, key, retiredByBob);
        retire(alice, key, retiredByItsGrantee);
        retire(kit.caller(), key, notByItsGrantee);

        assertThat(grantsOf(key.keyId())).isEmpty();
    }

    private void retire(Caller caller, KeyMetadata key, String grantId) {
        retirement.retireGrant(caller, RetireGrantRequest.builder().keyId(key.keyId()).grantId(grantId).build());
    }

    @Test
    void revokeGrantDeletesAGrantOfTheKey() {
        KeyMetadata key = symmetricKey();
        KeyMetadata other = symmetricKey();
        String grantId = grant(key.keyId(), request -> request.granteePrincipal(ALICE).operationsWithStrings("Decrypt")).grantId();

        assertAwsError(() -> retirement.revokeGrant(kit.caller(), RevokeGrantRequest.builder().keyId(other.keyId()).grantId(grantId).build()),
                "InvalidGrantIdException", "Invalid grant ID '" + grantId + "'");
        assertAwsErrorCode(() -> retirement.revokeGrant(kit.caller(), RevokeGrantRequest.builder().keyId(key.keyId()).grantId(grantId)
                .dryRun(true).build()), "DryRunOperationException");
        retirement.revokeGrant(kit.caller(), RevokeGrantRequest.builder().keyId(key.keyId()).grantId(grantId).build());

        assertThat(grantsOf(key.keyId())).isEmpty();
        assertThat(kit.lastAuthorization("kms:RevokeGrant").resourceArn()).isEqualTo(key.arn());
    }

    @Test
    void grantsAreDeletedWithTheirKey() {
        KeyMetadata key = symmetricKey();
        grant(key.keyId(), request -> request.granteePrincipal(ALICE).retiringPrincipal(BOB).operationsWithStrings("Decrypt"));
        deletion.scheduleKeyDeletion(kit.caller(), ScheduleKeyDeletionRequest.builder().keyId(key.keyId()).pendingWindowInDays(7).build());

        kit.clock.advance(Duration.ofDays(7).plusSeconds(1));
        assertThat(listing.listRetirableGrants(kit.caller(), ListRetirableGrantsRequest.builder().retiringPrincipal(BOB).build())
                .grants()).as("a deleted key's grants are gone before the job runs").isEmpty();
        kit.runDueJobs();

        KmsScope scope = KmsScope.of(kit.caller());
        long stored = kit.store.read(tx -> tx.count(KmsSchema.GRANTS, scope.storeScope(), ""));
        assertThat(stored).isZero();
    }
}
