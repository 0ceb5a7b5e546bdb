package dev.bulwark.kms.internal;

import dev.bulwark.crypto.kms.EncryptionAlgorithm;
import dev.bulwark.crypto.kms.KeyAgreementAlgorithm;
import dev.bulwark.crypto.kms.KeySpec;
import dev.bulwark.crypto.kms.KeyUsage;
import dev.bulwark.crypto.kms.MacAlgorithm;
import dev.bulwark.crypto.kms.SigningAlgorithm;
import dev.bulwark.core.Region;
import java.util.List;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.MultiRegionConfiguration;
import software.amazon.awssdk.services.kms.model.MultiRegionKey;

/**
 * A key's {@code KeyMetadata} exactly as AWS returns it from CreateKey and DescribeKey: the
 * algorithm lists only for the key's usage, {@code MultiRegionConfiguration} only for multi-Region
 * keys, {@code DeletionDate} only while pending deletion, {@code CurrentKeyMaterialId} only for
 * symmetric encryption keys that have material, {@code CustomerMasterKeySpec} (deprecated) only
 * for the specs that enum has, {@code PendingDeletionWindowInDays} only in PendingReplicaDeletion,
 * {@code ExpirationModel} (and {@code ValidTo} when it expires) only while imported material is present.
 */
public final class KeyMetadataMapper {
    /** The values of the deprecated CustomerMasterKeySpec enum; newer specs have no entry there. */
    private static final List<KeySpec> CUSTOMER_MASTER_KEY_SPECS = List.of(KeySpec.RSA_2048, KeySpec.RSA_3072,
            KeySpec.RSA_4096, KeySpec.ECC_NIST_P256, KeySpec.ECC_NIST_P384, KeySpec.ECC_NIST_P521, KeySpec.ECC_SECG_P256K1,
            KeySpec.SYMMETRIC_DEFAULT, KeySpec.HMAC_224, KeySpec.HMAC_256, KeySpec.HMAC_384, KeySpec.HMAC_512, KeySpec.SM2);

    private KeyMetadataMapper() {
    }

    public static KeyMetadata toMetadata(KmsKey key) {
        KeyRecord record = key.record();
        KeySpec spec = record.keySpec();
        KeyMetadata.Builder metadata = KeyMetadata.builder()
                .awsAccountId(key.scope().account().value())
                .keyId(record.keyId())
                .arn(key.arn())
                .creationDate(record.creationDate())
                .enabled(record.enabled())
                .description(record.description())
                .keyUsage(record.keyUsage().name())
                .keyState(record.state().name())
                .deletionDate(record.deletionDate())
                .origin(record.origin().name())
                .keyManager(record.keyManager().name())
                .keySpec(spec.wireName())
                .multiRegion(record.multiRegion() != null);
        if (hasCustomerMasterKeySpec(spec)) {
            metadata.customerMasterKeySpec(spec.wireName());
        }
        algorithms(metadata, spec, record.keyUsage());
        if (record.multiRegion() != null) {
            metadata.multiRegionConfiguration(multiRegionConfiguration(key));
        }
        if (record.state() == KeyState.PendingReplicaDeletion) {
            metadata.pendingDeletionWindowInDays(record.pendingDeletionWindowInDays());
        }
        if (record.importedMaterial() != null) {
            metadata.expirationModel(record.importedMaterial().expirationModel().name())
                    .validTo(record.importedMaterial().validTo());
        }
        if (spec == KeySpec.SYMMETRIC_DEFAULT && record.currentMaterialId() != null) {
            metadata.currentKeyMaterialId(record.currentMaterialId());
        }
        return metadata.build();
    }

    /** Whether the deprecated CustomerMasterKeySpec enum has this spec (it lacks the newer ones). */
    public static boolean hasCustomerMasterKeySpec(KeySpec spec) {
        return CUSTOMER_MASTER_KEY_SPECS.contains(spec);
    }

    private static void algorithms(KeyMetadata.Builder metadata, KeySpec spec, KeyUsage usage) {
        switch (usage) {
            case ENCRYPT_DECRYPT -> metadata.encryptionAlgorithmsWithStrings(
                    spec.encryptionAlgorithms().stream().map(EncryptionAlgorithm::wireName).toList());
            case SIGN_VERIFY -> metadata.signingAlgorithmsWithStrings(
                    spec.signingAlgorithms().stream().map(SigningAlgorithm::wireName).toList());
            case GENERATE_VERIFY_MAC -> metadata.macAlgorithmsWithStrings(
                    spec.macAlgorithms().stream().map(MacAlgorithm::wireName).toList());
            case KEY_AGREEMENT -> metadata.keyAgreementAlgorithmsWithStrings(
                    spec.keyAgreementAlgorithms().stream().map(KeyAgreementAlgorithm::wireName).toList());
        }
    }

    private static MultiRegionConfiguration multiRegionConfiguration(KmsKey key) {
        KeyRecord.MultiRegion family = key.record().multiRegion();
        KmsScope scope = key.scope();
        String primaryRegion = family.primaryRegion();
        return MultiRegionConfiguration.builder()
                .multiRegionKeyType(primaryRegion.equals(scope.region().name()) ? "PRIMARY" : "REPLICA")
                .primaryKey(regionKey(scope, key.keyId(), primaryRegion))
                .replicaKeys(family.replicaRegions().stream().map(region -> regionKey(scope, key.keyId(), region)).toList())
                .build();
    }

    private static MultiRegionKey regionKey(KmsScope scope, String keyId, String region) {
        return MultiRegionKey.builder().arn(scope.inRegion(Region.of(region)).keyArn(keyId)).region(region).build();
    }
}
