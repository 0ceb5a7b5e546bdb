package dev.bulwark.kms.internal.rotation;

import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import dev.bulwark.kms.internal.ExpirationModel;
import dev.bulwark.kms.internal.KeyAccess;
import dev.bulwark.kms.internal.KeyMaterialRecord;
import dev.bulwark.kms.internal.KeyOrigin;
import dev.bulwark.kms.internal.KmsCore;
import dev.bulwark.kms.internal.KmsKey;
import dev.bulwark.kms.internal.KmsRecords;
import dev.bulwark.kms.internal.KmsRecords.ListedMaterial;
import dev.bulwark.kms.internal.KmsTransactions;
import dev.bulwark.kms.internal.Markers;
import dev.bulwark.kms.internal.MaterialStates;
import dev.bulwark.store.ReadTransaction;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.kms.model.ListKeyRotationsRequest;
import software.amazon.awssdk.services.kms.model.ListKeyRotationsResponse;
import software.amazon.awssdk.services.kms.model.RotationsListEntry;

/**
 * ListKeyRotations: a symmetric encryption key's materials in the order they came to the key.
 * By default (ROTATIONS_ONLY) only the materials rotations made current, each with its
 * RotationDate and RotationType; with ALL_KEY_MATERIAL also the first material and imported
 * material pending rotation. Entries of imported keys add ImportState, ExpirationModel, ValidTo
 * and KeyMaterialDescription, as AWS does for EXTERNAL keys only.
 *
 * <p>A key has few materials (one per rotation), so a page is cut from the whole sorted list; the
 * marker is the sort position of the last entry returned, which stays valid as rotations add
 * entries after it.
 */
public final class KeyRotationListing {
    private static final int DEFAULT_LIMIT = 100;
    private static final List<String> INCLUDE_KEY_MATERIAL = List.of("ALL_KEY_MATERIAL", "ROTATIONS_ONLY");

    private final KmsTransactions transactions;
    private final KmsRecords records;
    private final KeyAccess access;
    private final MaterialStates materialStates;

    public KeyRotationListing(KmsCore core) {
        this.transactions = core.transactions();
        this.records = core.records();
        this.access = core.access();
        this.materialStates = new MaterialStates(core.records(), core.multiRegionFamily());
    }

    public ListKeyRotationsResponse listKeyRotations(Caller caller, ListKeyRotationsRequest request) {
        Validation.check()
                .requiredText("keyId", request.keyId(), 1, 2048)
                .oneOf("includeKeyMaterial", request.includeKeyMaterialAsString(), INCLUDE_KEY_MATERIAL)
                .range("limit", request.limit(), 1, 1000)
                .length("marker", request.marker(), 1, 1024)
                .orThrow();
        String after = Markers.decode(request.marker());
        int limit = request.limit() == null ? DEFAULT_LIMIT : request.limit();
        boolean allMaterial = "ALL_KEY_MATERIAL".equals(request.includeKeyMaterialAsString());
        return transactions.read(tx -> {
            KmsKey key = access.byKeyId(tx, caller, request.keyId(), "kms:ListKeyRotations");
            KeyRotation.requireSymmetric(key);
            List<ListedMaterial> listed = records.listMaterials(tx, key.scope(), key.keyId()).stream()
                    .filter(material -> allMaterial || material.record().rotationDate() != null)
                    .sorted(Comparator.comparing(KeyRotationListing::position))
                    .filter(material -> position(material).compareTo(after) > 0)
                    .toList();
            List<ListedMaterial> page = listed.subList(0, Math.min(limit, listed.size()));
            ListKeyRotationsResponse.Builder response = ListKeyRotationsResponse.builder()
                    .rotations(page.stream().map(material -> entry(tx, key, material)).toList())
                    .truncated(listed.size() > page.size());
            if (listed.size() > page.size()) {
                response.nextMarker(Markers.encode(position(page.get(page.size() - 1))));
            }
            return response.build();
        });
    }

    private RotationsListEntry entry(ReadTransaction tx, KmsKey key, ListedMaterial listed) {
        KeyMaterialRecord material = listed.record();
        RotationsListEntry.Builder entry = RotationsListEntry.builder()
                .keyId(key.keyId())
                .keyMaterialId(material.materialId())
                .keyMaterialState(materialStates.state(tx, key, listed).name())
                .rotationDate(material.rotationDate());
        if (material.rotationType() != null) {
            entry.rotationType(material.rotationType().name());
        }
        if (key.record().origin() == KeyOrigin.EXTERNAL) {
            entry.importState(listed.present() ? "IMPORTED" : "PENDING_IMPORT")
                    .keyMaterialDescription(material.description())
                    .expirationModel((material.validTo() == null
                            ? ExpirationModel.KEY_MATERIAL_DOES_NOT_EXPIRE : ExpirationModel.KEY_MATERIAL_EXPIRES).name())
                    .validTo(material.validTo());
        }
        return entry.build();
    }

    /**
     * Where a material sorts: the first material, then rotations by date, then material pending
     * rotation; ties (never in practice) by id. Fixed-width, so it compares as a string.
     */
    private static String position(ListedMaterial listed) {
        KeyMaterialRecord material = listed.record();
        int group = material.pendingRotation() ? 2 : material.rotationDate() != null ? 1 : 0;
        Instant when = material.rotationDate() != null ? material.rotationDate() : material.creationDate();
        return group + "/" + String.format("%020d", when.toEpochMilli()) + "/" + material.materialId();
    }
}
