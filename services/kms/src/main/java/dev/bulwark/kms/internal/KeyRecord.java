package dev.bulwark.kms.internal;

import dev.bulwark.crypto.kms.KeySpec;
import dev.bulwark.crypto.kms.KeyUsage;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The stored document of a KMS key ({@link KmsSchema#KEYS}): everything about the key except its
 * material, which lives in {@link KeyMaterialRecord}s so that a key can have several (rotation,
 * re-import) and every earlier one keeps decrypting.
 *
 * <p>{@code Enabled} is not stored: AWS reports it true exactly when the state is Enabled.
 *
 * @param keyId             a UUID, or {@code mrk-} and 32 hex digits for multi-Region keys
 * @param description       never null; AWS reports an empty description as {@code ""}
 * @param multiRegion       the key's place in its multi-Region family; null for single-Region keys
 * @param deletionDate      set while the state is PendingDeletion
 * @param pendingDeletionWindowInDays the waiting period asked for when deletion was scheduled; kept
 *                          while deletion is pending (a multi-Region primary waits for its replicas
 *                          with it, and AWS reports it in state PendingReplicaDeletion)
 * @param policy            the key policy document, exactly as given or generated
 * @param tags              in the order they were added
 * @param currentMaterialId the material new ciphertexts use; null until the first material exists. An
 *                          imported key keeps naming its current material after the material was
 *                          deleted or expired (state PendingImport), as AWS keeps CurrentKeyMaterialId
 * @param importedMaterial  how the imported material expires (DescribeKey's ExpirationModel and ValidTo);
 *                          null unless the key holds imported material
 */
public record KeyRecord(
        String keyId,
        Instant creationDate,
        KeyState state,
        String description,
        KeySpec keySpec,
        KeyUsage keyUsage,
        KeyOrigin origin,
        KeyManager keyManager,
        MultiRegion multiRegion,
        Instant deletionDate,
        Integer pendingDeletionWindowInDays,
        String policy,
        List<KeyTag> tags,
        String currentMaterialId,
        ImportedMaterial importedMaterial) {

    /** A multi-Region key's family: where the primary is and which regions hold replicas. */
    public record MultiRegion(String primaryRegion, List<String> replicaRegions) {
        public MultiRegion {
            Objects.requireNonNull(primaryRegion, "primaryRegion");
            replicaRegions = List.copyOf(replicaRegions);
        }
    }

    /**
     * The expiry of a key's imported material: {@code validTo} is the earliest time at which any of
     * the material that belongs to the key expires, null when none does.
     */
    public record ImportedMaterial(ExpirationModel expirationModel, Instant validTo) {
        public ImportedMaterial {
            Objects.requireNonNull(expirationModel, "expirationModel");
        }
    }

    /** One tag; KMS keeps tag keys unique per key. */
    public record KeyTag(String key, String value) {
    }

    public KeyRecord {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(creationDate, "creationDate");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(keySpec, "keySpec");
        Objects.requireNonNull(keyUsage, "keyUsage");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(keyManager, "keyManager");
        Objects.requireNonNull(policy, "policy");
        description = description == null ? "" : description;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A key without imported material. */
    public KeyRecord(String keyId, Instant creationDate, KeyState state, String description, KeySpec keySpec,
            KeyUsage keyUsage, KeyOrigin origin, KeyManager keyManager, MultiRegion multiRegion, Instant deletionDate,
            Integer pendingDeletionWindowInDays, String policy, List<KeyTag> tags, String currentMaterialId) {
        this(keyId, creationDate, state, description, keySpec, keyUsage, origin, keyManager, multiRegion, deletionDate,
                pendingDeletionWindowInDays, policy, tags, currentMaterialId, null);
    }

    public boolean enabled() {
        return state == KeyState.Enabled;
    }

    /** The key in another state; leaving the pending-deletion states forgets the deletion date and window. */
    public KeyRecord withState(KeyState newState) {
        boolean pending = newState == KeyState.PendingDeletion || newState == KeyState.PendingReplicaDeletion;
        return new KeyRecord(keyId, creationDate, newState, description, keySpec, keyUsage, origin, keyManager,
                multiRegion, pending ? deletionDate : null, pending ? pendingDeletionWindowInDays : null, policy, tags,
                currentMaterialId, importedMaterial);
    }

    public KeyRecord withPendingDeletion(Instant date, int windowInDays) {
        return new KeyRecord(keyId, creationDate, KeyState.PendingDeletion, description, keySpec, keyUsage, origin,
                keyManager, multiRegion, date, windowInDays, policy, tags, currentMaterialId, importedMaterial);
    }

    /** A multi-Region primary waiting for its replicas' deletion before its own waiting period starts. */
    public KeyRecord withPendingReplicaDeletion(int windowInDays) {
        return new KeyRecord(keyId, creationDate, KeyState.PendingReplicaDeletion, description, keySpec, keyUsage, origin,
                keyManager, multiRegion, null, windowInDays, policy, tags, currentMaterialId, importedMaterial);
    }

    public KeyRecord withDescription(String newDescription) {
        return new KeyRecord(keyId, creationDate, state, newDescription, keySpec, keyUsage, origin, keyManager,
                multiRegion, deletionDate, pendingDeletionWindowInDays, policy, tags, currentMaterialId, importedMaterial);
    }

    public KeyRecord withMultiRegion(MultiRegion newMultiRegion) {
        return new KeyRecord(keyId, creationDate, state, description, keySpec, keyUsage, origin, keyManager,
                newMultiRegion, deletionDate, pendingDeletionWindowInDays, policy, tags, currentMaterialId, importedMaterial);
    }

    public KeyRecord withPolicy(String newPolicy) {
        return new KeyRecord(keyId, creationDate, state, description, keySpec, keyUsage, origin, keyManager,
                multiRegion, deletionDate, pendingDeletionWindowInDays, newPolicy, tags, currentMaterialId);
    }

    public KeyRecord withTags(List<KeyTag> newTags) {
        return new KeyRecord(keyId, creationDate, state, description, keySpec, keyUsage, origin, keyManager,
                multiRegion, deletionDate, pendingDeletionWindowInDays, policy, newTags, currentMaterialId);
    }

    public KeyRecord withCurrentMaterial(String materialId) {
        return new KeyRecord(keyId, creationDate, state, description, keySpec, keyUsage, origin, keyManager,
                multiRegion, deletionDate, pendingDeletionWindowInDays, policy, tags, materialId, importedMaterial);
    }

    public KeyRecord withImportedMaterial(ImportedMaterial newImportedMaterial) {
        return new KeyRecord(keyId, creationDate, state, description, keySpec, keyUsage, origin, keyManager,
                multiRegion, deletionDate, pendingDeletionWindowInDays, policy, tags, currentMaterialId, newImportedMaterial);
    }
}
