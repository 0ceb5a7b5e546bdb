package dev.bulwark.kms.internal;

import dev.bulwark.kms.internal.KeyRecord.ImportedMaterial;
import dev.bulwark.kms.internal.KmsRecords.ListedMaterial;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * DescribeKey's ExpirationModel and ValidTo of an imported key, summarised from its materials:
 * over the material that belongs to the key (not material still pending rotation) and is present,
 * ValidTo is the earliest expiry, and the model is KEY_MATERIAL_EXPIRES when any of it expires.
 * A key without present imported material reports neither.
 */
public final class ImportedMaterialExpiry {
    private ImportedMaterialExpiry() {
    }

    /** The summary to store in the key record; null when the key holds no imported material. */
    public static ImportedMaterial summarize(List<ListedMaterial> materials) {
        List<KeyMaterialRecord> held = materials.stream()
                .filter(listed -> listed.present() && !listed.record().pendingRotation())
                .map(ListedMaterial::record)
                .filter(record -> record.origin() == KeyOrigin.EXTERNAL)
                .toList();
        if (held.isEmpty()) {
            return null;
        }
        Instant earliest = held.stream().map(KeyMaterialRecord::validTo).filter(Objects::nonNull).min(Instant::compareTo).orElse(null);
        return new ImportedMaterial(earliest == null ? ExpirationModel.KEY_MATERIAL_DOES_NOT_EXPIRE : ExpirationModel.KEY_MATERIAL_EXPIRES,
                earliest);
    }
}
