package dev.bulwark.kms.internal.lifecycle;

import static dev.bulwark.kms.testing.AwsErrorAssert.assertAwsError;
import static dev.bulwark.kms.testing.AwsErrorAssert.assertAwsErrorCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.crypto.kms.KeySpec;
import dev.bulwark.crypto.kms.KeyUsage;
import dev.bulwark.kms.internal.KmsSchema;
import dev.bulwark.kms.internal.KmsScope;
import dev.bulwark.kms.testing.KmsTestKit;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.Tag;

class KeyCreationTest {
    private final KmsTestKit kit = new KmsTestKit();
    private final KeyCreation creation = new KeyCreation(kit.core);

    private KeyMetadata create(CreateKeyRequest.Builder request) {
        return creation.createKey(kit.caller(), request.build()).keyMetadata();
    }

    @Test
    void aKeyWithoutParametersIsASymmetricEncryptionKeyDescribedAsAwsDoes() {
        KeyMetadata key = create(CreateKeyRequest.builder());

        assertThat(key.keyId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(key.arn()).isEqualTo("arn:aws:kms:us-east-1:111122223333:key/" + key.keyId());
        assertThat(key.awsAccountId()).isEqualTo("111122223333");
        assertThat(key.creationDate()).isEqualTo(kit.clock.instant());
        assertThat(key.enabled()).isTrue();
        assertThat(key.description()).isEmpty();
        assertThat(key.keyStateAsString()).isEqualTo("Enabled");
        assertThat(key.keySpecAsString()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(key.customerMasterKeySpecAsString()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(key.keyUsageAsString()).isEqualTo("ENCRYPT_DECRYPT");
        assertThat(key.originAsString()).isEqualTo("AWS_KMS");
        assertThat(key.keyManagerAsString()).isEqualTo("CUSTOMER");
        assertThat(key.multiRegion()).isFalse();
        assertThat(key.multiRegionConfiguration()).isNull();
        assertThat(key.encryptionAlgorithmsAsStrings()).containsExactly("SYMMETRIC_DEFAULT");
        assertThat(key.hasSigningAlgorithms()).isFalse();
        assertThat(key.hasMacAlgorithms()).isFalse();
        assertThat(key.currentKeyMaterialId()).matches("[0-9a-f]{64}");
        assertThat(key.deletionDate()).isNull();
    }

    @ParameterizedTest
    @EnumSource(KeySpec.class)
    void everySpecIsCreatedWithEveryUsageItAllowsAndRefusedWithTheOthers(KeySpec spec) {
        for (KeyUsage usage : KeyUsage.values()) {
            CreateKeyRequest.Builder request = CreateKeyRequest.builder().keySpec(spec.wireName()).keyUsage(usage.name());
            if (spec.allows(usage)) {
                KeyMetadata key = create(request);
                assertThat(key.keySpecAsString()).isEqualTo(spec.wireName());
                assertThat(key.keyUsageAsString()).isEqualTo(usage.name());
            } else {
                assertAwsError(() -> create(request), "ValidationException",
                        "KeyUsage " + usage + " is not compatible with KeySpec " + spec.wireName());
            }
        }
    }

    @Test
    void algorithmListsFollowTheUsage() {
        assertThat(create(CreateKeyRequest.builder().keySpec("RSA_2048").keyUsage("ENCRYPT_DECRYPT")).encryptionAlgorithmsAsStrings())
                .containsExactly("RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256");
        KeyMetadata signing = create(CreateKeyRequest.builder().keySpec("ECC_NIST_P256").keyUsage("SIGN_VERIFY"));
        assertThat(signing.signingAlgorithmsAsStrings()).containsExactly("ECDSA_SHA_256");
        assertThat(signing.hasEncryptionAlgorithms()).isFalse();
        assertThat(signing.currentKeyMaterialId()).as("only symmetric encryption keys report their material").isNull();
        assertThat(create(CreateKeyRequest.builder().keySpec("HMAC_256").keyUsage("GENERATE_VERIFY_MAC")).macAlgorithmsAsStrings())
                .containsExactly("HMAC_SHA_256");
        assertThat(create(CreateKeyRequest.builder().keySpec("ECC_NIST_P384").keyUsage("KEY_AGREEMENT")).keyAgreementAlgorithmsAsStrings())
                .containsExactly("ECDH");
        assertThat(create(CreateKeyRequest.builder().keySpec("ECC_NIST_EDWARDS25519").keyUsage("SIGN_VERIFY")).customerMasterKeySpec())
                .as("the deprecated enum has no Ed25519").isNull();
    }

    @Test
    void anAsymmetricKeyStoresItsPrivateKeySealedAndItsPublicKeyInTheDocument() {
        KeyMetadata key = create(CreateKeyRequest.builder().keySpec("ECC_NIST_P256").keyUsage("SIGN_VERIFY"));
        KmsScope scope = KmsScope.of(kit.caller());

        var material = kit.store.read(tx -> kit.core.records().findKey(tx, scope, key.keyId())
                .map(found -> kit.core.records().currentMaterial(tx, found))).orElseThrow();

        assertThat(material.record().publicKey()).isNotEmpty();
        assertThat(material.secret().size()).isGreaterThan(60);
    }

    @Test
    void theDeprecatedCustomerMasterKeySpecIsHonouredButNotTogetherWithKeySpec() {
        assertThat(create(CreateKeyRequest.builder().customerMasterKeySpec("ECC_NIST_P256").keyUsage("SIGN_VERIFY")).keySpecAsString())
                .isEqualTo("ECC_NIST_P256");
        assertAwsErrorCode(() -> create(CreateKeyRequest.builder().keySpec("RSA_2048").customerMasterKeySpec("RSA_2048")
                .keyUsage("SIGN_VERIFY")), "ValidationException");
    }

    @Test
    void anAsymmetricOrHmacKeyNeedsAKeyUsage() {
        assertAwsError(() -> create(CreateKeyRequest.builder().keySpec("HMAC_256")), "ValidationException",
                "You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.");
    }

    @Test
    void unknownEnumValuesAreValidationErrorsListingTheAllowedValues() {
        assertAwsError(() -> create(CreateKeyRequest.builder().keySpec("HMAC_random")), "ValidationException",
                "1 validation error detected: Value 'HMAC_random' at 'keySpec' failed to satisfy constraint: Member must "
                        + "satisfy enum value set: [RSA_2048, ECC_NIST_P384, ECC_NIST_P256, ECC_NIST_P521, HMAC_384, RSA_3072, "
                        + "ECC_SECG_P256K1, RSA_4096, SYMMETRIC_DEFAULT, HMAC_256, HMAC_224, HMAC_512, SM2, ECC_NIST_EDWARDS25519, "
                        + "ML_DSA_44, ML_DSA_65, ML_DSA_87]");
        assertAwsError(() -> create(CreateKeyRequest.builder().keySpec("HMAC_256").keyUsage("RANDOM")), "ValidationException",
                "1 validation error detected: Value 'RANDOM' at 'keyUsage' failed to satisfy constraint: Member must satisfy "
                        + "enum value set: [ENCRYPT_DECRYPT, SIGN_VERIFY, GENERATE_VERIFY_MAC, KEY_AGREEMENT]");
    }

    @Test
    void anExternalKeyWaitsForItsMaterial() {
        KeyMetadata key = create(CreateKeyRequest.builder().origin("EXTERNAL"));

        assertThat(key.keyStateAsString()).isEqualTo("PendingImport");
        assertThat(key.enabled()).isFalse();
        assertThat(key.originAsString()).isEqualTo("EXTERNAL");
        assertThat(key.currentKeyMaterialId()).isNull();
        KmsScope scope = KmsScope.of(kit.caller());
        long materials = kit.store.read(tx -> tx.count(KmsSchema.KEY_MATERIALS, scope.storeScope(), key.keyId()));
        assertThat(materials).isZero();
    }

    @Test
    void customKeyStoresAreAnsweredAsForAnAccountThatHasNone() {
        assertAwsErrorCode(() -> create(CreateKeyRequest.builder().origin("AWS_CLOUDHSM").customKeyStoreId("cks-1234567890abcdef0")),
                "CustomKeyStoreNotFoundException");
        assertAwsErrorCode(() -> create(CreateKeyRequest.builder().origin("EXTERNAL_KEY_STORE")), "ValidationException");
    }

    @Test
    void aMultiRegionKeyHasAnMrkIdAndIsItsOwnPrimary() {
        KeyMetadata key = create(CreateKeyRequest.builder().multiRegion(true).description("test multi region key"));

        assertThat(key.keyId()).matches("mrk-[0-9a-f]{32}");
        assertThat(key.multiRegion()).isTrue();
        assertThat(key.multiRegionConfiguration().multiRegionKeyTypeAsString()).isEqualTo("PRIMARY");
        assertThat(key.multiRegionConfiguration().primaryKey().arn()).isEqualTo(key.arn());
        assertThat(key.multiRegionConfiguration().primaryKey().region()).isEqualTo("us-east-1");
        assertThat(key.multiRegionConfiguration().replicaKeys()).isEmpty();
    }

    @Test
    void withoutAPolicyTheKeyGetsAwsDefaultPolicyTextExactly() {
        KeyMetadata key = create(CreateKeyRequest.builder());
        String policy = kit.store.read(tx -> kit.core.records().findKey(tx, KmsScope.of(kit.caller()), key.keyId()))
                .orElseThrow().record().policy();

        assertThat(policy).isEqualTo("""
                {
                  "Version" : "2012-10-17",
                  "Id" : "key-default-1",
                  "Statement" : [ {
                    "Sid" : "Enable IAM User Permissions",
                    "Effect" : "Allow",
                    "Principal" : {
                      "AWS" : "arn:aws:iam::111122223333:root"
                    },
                    "Action" : "kms:*",
                    "Resource" : "*"
                  } ]
                }""");
    }

    @Test
    void aGivenPolicyIsKeptAsWrittenAndMustBeAValidKeyPolicy() {
        String onlyBob = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:user/bob\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
        KeyMetadata key = create(CreateKeyRequest.builder().policy(onlyBob).bypassPolicyLockoutSafetyCheck(true));
        assertThat(kit.store.read(tx -> kit.core.records().findKey(tx, KmsScope.of(kit.caller()), key.keyId()))
                .orElseThrow().record().policy()).isEqualTo(onlyBob);

        assertAwsError(() -> create(CreateKeyRequest.builder().policy("not json")), "MalformedPolicyDocumentException",
                "Syntax errors in policy.");
        assertAwsError(() -> create(CreateKeyRequest.builder().policy(onlyBob)), "MalformedPolicyDocumentException",
                "The new key policy will not allow you to update the key policy in the future.");
    }

    @Test
    void tagsFollowAwsRules() {
        assertAwsError(() -> create(CreateKeyRequest.builder().tags(tag("aws:key1", "v"))), "TagException",
                "Tags beginning with aws: are reserved");
        assertAwsError(() -> create(CreateKeyRequest.builder().tags(tag("AWS:key1", "v"))), "TagException",
                "Tags beginning with aws: are reserved");
        assertAwsError(() -> create(CreateKeyRequest.builder().tags(IntStream.rangeClosed(0, 50)
                .mapToObj(i -> tag("key" + i, "value" + i)).toList())), "TagException", "Too many tags");
        assertAwsError(() -> create(CreateKeyRequest.builder().tags(tag("k", "v1"), tag("k", "v2"))), "TagException",
                "Duplicate tag keys");
        String longKey = "a".repeat(129);
        assertAwsError(() -> create(CreateKeyRequest.builder().tags(tag(longKey, "value1"))), "ValidationException",
                "1 validation error detected: Value '" + longKey + "' at 'tags.1.member.tagKey' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 128");
        String longValue = "v".repeat(257);
        assertAwsError(() -> create(CreateKeyRequest.builder().tags(tag("tag1", longValue))), "ValidationException",
                "1 validation error detected: Value '" + longValue + "' at 'tags.1.member.tagValue' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 256");

        KeyMetadata tagged = create(CreateKeyRequest.builder().tags(tag("tag1", "value1"), tag("tag2", "value2")));
        assertThat(kit.store.read(tx -> kit.core.records().findKey(tx, KmsScope.of(kit.caller()), tagged.keyId()))
                .orElseThrow().record().tags()).extracting(t -> t.key() + "=" + t.value()).containsExactly("tag1=value1", "tag2=value2");
    }

    @Test
    void creationIsAuthorizedWithTheRequestConditionKeys() {
        create(CreateKeyRequest.builder().keySpec("RSA_2048").keyUsage("SIGN_VERIFY").tags(tag("team", "blue")));

        var authorization = kit.lastAuthorization("kms:CreateKey");
        assertThat(authorization.resourceArn()).isEqualTo("*");
        assertThat(authorization.conditionKeys())
                .containsEntry("kms:KeySpec", List.of("RSA_2048"))
                .containsEntry("kms:KeyUsage", List.of("SIGN_VERIFY"))
                .containsEntry("kms:KeyOrigin", List.of("AWS_KMS"))
                .containsEntry("kms:CallerAccount", List.of("111122223333"))
                .containsEntry("aws:RequestTag/team", List.of("blue"))
                .containsEntry("aws:TagKeys", List.of("team"));
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().tagKey(key).tagValue(value).build();
    }
}
