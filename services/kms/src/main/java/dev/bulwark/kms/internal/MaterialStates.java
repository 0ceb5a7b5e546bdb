package dev.bulwark.kms.internal;

import dev.bulwark.kms.internal.KmsRecords.ListedMaterial;
import dev.bulwark.store.ReadTransaction;
import java.util.List;
import java.util.Optional;

/**
 * The state of each material of a key, as ListKeyRotations reports it ({@code KeyMaterialState}):
 * CURRENT for the material new ciphertexts use, NON_CURRENT for earlier ones, and for imported
 * material waiting for an on-demand rotation PENDING_ROTATION, or
 * PENDING_MULTI_REGION_IMPORT_AND_ROTATION while a replica of a multi-Region key still lacks it.
 */
public final class MaterialStates {
    /** KMS {@code KeyMaterialState}; the constant names are the wire names. */
    public enum State {
        CURRENT,
        NON_CURRENT,
        PENDING_ROTATION,
        PENDING_MULTI_REGION_IMPORT_AND_ROTATION
    }

    private final KmsRecords records;
    private final MultiRegionFamily multiRegionFamily;

    public MaterialStates(KmsRecords records, MultiRegionFamily multiRegionFamily) {
        this.records = records;
        this.multiRegionFamily = multiRegionFamily;
    }

    /** The imported material waiting for an on-demand rotation, if any (a key has at most one). */
    public Optional<ListedMaterial> pendingRotation(ReadTransaction tx, KmsKey key) {
        return pendingRotation(records.listMaterials(tx, key.scope(), key.keyId()));
    }

    public static Optional<ListedMaterial> pendingRotation(List<ListedMaterial> materials) {
        return materials.stream().filter(listed -> listed.record().pendingRotation()).findFirst();
    }

    public State state(ReadTransaction tx, KmsKey key, ListedMaterial listed) {
        KeyMaterialRecord record = listed.record();
        if (record.pendingRotation()) {
            return presentInWholeFamily(tx, key, record.materialId()) ? State.PENDING_ROTATION
                    : State.PENDING_MULTI_REGION_IMPORT_AND_ROTATION;
        }
        return record.materialId().equals(key.record().currentMaterialId()) ? State.CURRENT : State.NON_CURRENT;
    }

    /**
     * Whether the material is present in the key and, for a multi-Region primary, in every
     * replica: imported material can only become current once every member can use it.
     */
    public boolean presentInWholeFamily(ReadTransaction tx, KmsKey key, String materialId) {
        if (records.findMaterial(tx, key.scope(), key.keyId(), materialId).isEmpty()) {
            return false;
        }
        if (!MultiRegionFamily.isPrimary(key)) {
            return true;
        }
        return multiRegionFamily.others(tx, key).stream()
                .allMatch(replica -> records.findMaterial(tx, replica.scope(), replica.keyId(), materialId).isPresent());
    }
}
