package dev.bulwark.kms.internal.rotation;

import dev.bulwark.crypto.kms.KeySpec;
import dev.bulwark.kms.internal.ImportedMaterialExpiry;
import dev.bulwark.kms.internal.KeyMaterial;
import dev.bulwark.kms.internal.KeyMaterialRecord;
import dev.bulwark.kms.internal.KeyMaterialRecord.RotationType;
import dev.bulwark.kms.internal.KeyMaterials;
import dev.bulwark.kms.internal.KeyOrigin;
import dev.bulwark.kms.internal.KeyRecord;
import dev.bulwark.kms.internal.KmsKey;
import dev.bulwark.kms.internal.KmsRecords;
import dev.bulwark.kms.internal.KmsRecords.ListedMaterial;
import dev.bulwark.kms.internal.MaterialStates;
import dev.bulwark.kms.internal.MultiRegionFamily;
import dev.bulwark.store.WriteTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Performs one rotation of a symmetric encryption key: a new material becomes current, and every
 * earlier material stays, so ciphertexts made under it keep decrypting (a ciphertext names the
 * material it was made with).
 *
 * <p>For a key whose material KMS generates, the new material is fresh random bytes. For a key
 * with imported material, it is the material imported for the purpose (state PENDING_ROTATION).
 * A multi-Region primary rotates its whole family: the new material is written, sealed, into every
 * replica's region and made current there in the same transaction, so a ciphertext made in any
 * region after the rotation decrypts in every other.
 */
final class KeyRotator {
    private final KmsRecords records;
    private final KeyMaterials materials;
    private final MultiRegionFamily multiRegionFamily;
    private final MaterialStates materialStates;

    KeyRotator(KmsRecords records, KeyMaterials materials, MultiRegionFamily multiRegionFamily, MaterialStates materialStates) {
        this.records = records;
        this.materials = materials;
        this.multiRegionFamily = multiRegionFamily;
        this.materialStates = materialStates;
    }

    /**
     * Rotates the key (a multi-Region key through its primary); returns false when there is nothing
     * to rotate to: an imported key whose pending material is gone or not yet in every replica.
     */
    boolean rotate(WriteTransaction tx, KmsKey key, RotationType type, Instant now) {
        if (key.record().origin() == KeyOrigin.EXTERNAL) {
            return promotePending(tx, key, type, now);
        }
        KeyMaterial fresh = materials.generate(key.keyId(), KeySpec.SYMMETRIC_DEFAULT);
        KeyMaterial rotated = new KeyMaterial(fresh.record().rotatedIn(now, type), fresh.secret());
        for (KmsKey member : family(tx, key)) {
            records.putMaterial(tx, member.scope(), rotated);
            records.putKey(tx, member.with(member.record().withCurrentMaterial(rotated.materialId())));
        }
        return true;
    }

    private boolean promotePending(WriteTransaction tx, KmsKey key, RotationType type, Instant now) {
        Optional<ListedMaterial> pending = materialStates.pendingRotation(tx, key);
        if (pending.isEmpty() || !materialStates.presentInWholeFamily(tx, key, pending.get().record().materialId())) {
            return false;
        }
        String materialId = pending.get().record().materialId();
        for (KmsKey member : family(tx, key)) {
            KeyMaterial copy = records.findMaterial(tx, member.scope(), member.keyId(), materialId).orElseThrow();
            KeyMaterialRecord rotatedIn = copy.record().rotatedIn(now, type);
            records.putMaterial(tx, member.scope(), new KeyMaterial(rotatedIn, copy.secret()));
            // The material now belongs to the key, so its expiry counts in the key's ValidTo.
            KeyRecord updated = member.record().withCurrentMaterial(materialId).withImportedMaterial(
                    ImportedMaterialExpiry.summarize(records.listMaterials(tx, member.scope(), member.keyId())));
            records.putKey(tx, member.with(updated));
        }
        return true;
    }

    private List<KmsKey> family(WriteTransaction tx, KmsKey key) {
        List<KmsKey> family = new ArrayList<>();
        family.add(key);
        family.addAll(multiRegionFamily.others(tx, key));
        return family;
    }
}
