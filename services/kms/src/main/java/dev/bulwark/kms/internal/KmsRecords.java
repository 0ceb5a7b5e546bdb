package dev.bulwark.kms.internal;

import dev.bulwark.store.Documents;
import dev.bulwark.store.Page;
import dev.bulwark.store.ReadTransaction;
import dev.bulwark.store.RecordKey;
import dev.bulwark.store.StoredRecord;
import dev.bulwark.store.StoreException;
import dev.bulwark.store.WriteTransaction;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes the records {@link KmsSchema} declares, inside the caller's transaction.
 *
 * <p>A key whose deletion date has passed is gone, whether or not the deletion job has purged
 * its records yet: {@link #findKey} and {@link #listKeys} do not return it. Deletion therefore
 * takes effect at the date AWS reports, and the job only reclaims storage.
 *
 * <p>Materials of Enabled keys are served from a {@link MaterialCache} by {@link #materialOf} and
 * {@link #currentMaterial}; every write of a key that is not Enabled, of a material and every
 * purge goes through here and drops the key's cached materials.
 */
public final class KmsRecords {
    private static final int PURGE_BATCH = 500;

    private final Clock clock;
    private final MaterialCache materialCache;

    /** Records without a material cache (work outside the service: the deletion job, seeding). */
    public KmsRecords(Clock clock) {
        this(clock, MaterialCache.none());
    }

    public KmsRecords(Clock clock, MaterialCache materialCache) {
        this.clock = clock;
        this.materialCache = materialCache;
    }

    public Optional<KmsKey> findKey(ReadTransaction tx, KmsScope scope, String keyId) {
        return findKeyRecord(tx, scope, keyId).filter(this::notYetDeleted).map(record -> new KmsKey(scope, record));
    }

    /** The key's record even if its deletion date has passed (for the deletion job). */
    public Optional<KeyRecord> findKeyRecord(ReadTransaction tx, KmsScope scope, String keyId) {
        return tx.get(KmsSchema.key(scope, keyId)).map(stored -> Documents.read(stored.key(), stored.document(), KeyRecord.class));
    }

    public void putKey(WriteTransaction tx, KmsKey key) {
        tx.put(KmsSchema.key(key.scope(), key.keyId()), Documents.write(key.record()), null);
        if (!key.record().enabled()) {
            materialCache.invalidate(key.scope(), key.keyId());
        }
    }

    /** One page of the scope's keys in id order; deleted keys are skipped, so a page may hold fewer than {@code limit}. */
    public Listing<KmsKey> listKeys(ReadTransaction tx, KmsScope scope, String afterId, int limit) {
        Page page = tx.list(KmsSchema.KEYS, scope.storeScope(), "", afterId, limit);
        List<KmsKey> keys = new ArrayList<>();
        for (StoredRecord stored : page.records()) {
            KeyRecord record = Documents.read(stored.key(), stored.document(), KeyRecord.class);
            if (notYetDeleted(record)) {
                keys.add(new KmsKey(scope, record));
            }
        }
        return new Listing<>(keys, page.nextAfterId());
    }

    /** A material that is present (generated, or imported and neither deleted nor expired), read from the store or the cache, whatever the key's state. */
    public Optional<KeyMaterial> findMaterial(ReadTransaction tx, KmsScope scope, String keyId, String materialId) {
        return tx.get(KmsSchema.material(scope, keyId, materialId))
                .filter(stored -> stored.secret().isPresent())
                .map(KmsRecords::material);
    }

    /**
     * Every material document of a key, present or not (imported material that was deleted or has
     * expired keeps its document), in material id order.
     */
    public List<ListedMaterial> listMaterials(ReadTransaction tx, KmsScope scope, String keyId) {
        List<ListedMaterial> materials = new ArrayList<>();
        String after = "";
        Page page;
        do {
            page = tx.list(KmsSchema.KEY_MATERIALS, scope.storeScope(), KmsSchema.perKeyPrefix(keyId), after, PURGE_BATCH);
            for (StoredRecord stored : page.records()) {
                materials.add(new ListedMaterial(Documents.read(stored.key(), stored.document(), KeyMaterialRecord.class),
                        stored.secret().isPresent()));
            }
            after = page.nextAfterId().orElse(after);
        } while (page.nextAfterId().isPresent());
        return materials;
    }

    /**
     * Whether an imported key lacks material that belongs to it (its current material, or earlier
     * material that was deleted or expired): such a key is PendingImport until all of it is back.
     */
    public boolean awaitsImport(ReadTransaction tx, KmsKey key) {
        if (key.record().origin() != KeyOrigin.EXTERNAL) {
            return false;
        }
        return key.record().currentMaterialId() == null || listMaterials(tx, key.scope(), key.keyId()).stream()
                .anyMatch(listed -> !listed.record().pendingRotation() && !listed.present());
    }

    /**
     * A material of {@code key} for cryptography: from the cache while the key is Enabled (the
     * caller has checked its state in this transaction), else from the store.
     */
    public Optional<KeyMaterial> materialOf(ReadTransaction tx, KmsKey key, String materialId) {
        if (!key.record().enabled()) {
            return findMaterial(tx, key.scope(), key.keyId(), materialId);
        }
        Optional<KeyMaterial> cached = materialCache.get(key.scope(), key.keyId(), materialId);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<KeyMaterial> stored = findMaterial(tx, key.scope(), key.keyId(), materialId);
        stored.ifPresent(material -> materialCache.put(key.scope(), material));
        return stored;
    }

    /** The material new ciphertexts and signatures use; a key without one is refused before this is asked. */
    public KeyMaterial currentMaterial(ReadTransaction tx, KmsKey key) {
        String materialId = key.record().currentMaterialId();
        if (materialId == null) {
            throw KmsErrors.invalidState(key.arn() + " is " + KeyState.PendingImport.phrase() + ".");
        }
        return materialOf(tx, key, materialId)
                .orElseThrow(() -> new StoreException("Key " + key.arn() + " names material " + materialId + " that is not stored"));
    }

    public void putMaterial(WriteTransaction tx, KmsScope scope, KeyMaterial material) {
        KeyMaterialRecord record = material.record();
        tx.put(KmsSchema.material(scope, record.keyId(), record.materialId()), Documents.write(record), material.secret());
        materialCache.invalidate(scope, record.keyId());
    }

    /** Stores a material's document without the material: imported material that is not (or no longer) present. */
    public void putAbsentMaterial(WriteTransaction tx, KmsScope scope, KeyMaterialRecord record) {
        tx.put(KmsSchema.material(scope, record.keyId(), record.materialId()), Documents.write(record), null);
    }

    public boolean deleteMaterial(WriteTransaction tx, KmsScope scope, String keyId, String materialId) {
        return tx.delete(KmsSchema.material(scope, keyId, materialId));
    }

    public Optional<AliasRecord> findAlias(ReadTransaction tx, KmsScope scope, String aliasName) {
        return tx.get(KmsSchema.alias(scope, aliasName)).map(stored -> Documents.read(stored.key(), stored.document(), AliasRecord.class));
    }

    public void putAlias(WriteTransaction tx, KmsScope scope, AliasRecord alias) {
        tx.put(KmsSchema.alias(scope, alias.aliasName()), Documents.write(alias), null);
    }

    public boolean deleteAlias(WriteTransaction tx, KmsScope scope, String aliasName) {
        return tx.delete(KmsSchema.alias(scope, aliasName));
    }

    /** One page of the scope's aliases in name order. */
    public Listing<AliasRecord> listAliases(ReadTransaction tx, KmsScope scope, String afterName, int limit) {
        Page page = tx.list(KmsSchema.ALIASES, scope.storeScope(), "", afterName, limit);
        List<AliasRecord> aliases = page.records().stream()
                .map(stored -> Documents.read(stored.key(), stored.document(), AliasRecord.class))
                .toList();
        return new Listing<>(aliases, page.nextAfterId());
    }

    /** Every alias of a key (a scan of the scope's aliases: there is no index by target). */
    public List<AliasRecord> aliasesOf(ReadTransaction tx, KmsScope scope, String keyId) {
        List<AliasRecord> found = new ArrayList<>();
        String after = "";
        while (true) {
            Listing<AliasRecord> page = listAliases(tx, scope, after, PURGE_BATCH);
            page.items().stream().filter(alias -> alias.targetKeyId().equals(keyId)).forEach(found::add);
            if (page.nextAfterId().isEmpty()) {
                return found;
            }
            after = page.nextAfterId().get();
        }
    }

    public Optional<GrantRecord> findGrant(ReadTransaction tx, KmsScope scope, String keyId, String grantId) {
        return tx.get(KmsSchema.grant(scope, keyId, grantId)).map(KmsRecords::grant);
    }

    public void putGrant(WriteTransaction tx, KmsScope scope, GrantRecord grant) {
        tx.put(KmsSchema.grant(scope, grant.keyId(), grant.grantId()), Documents.write(grant), null);
    }

    public boolean deleteGrant(WriteTransaction tx, KmsScope scope, String keyId, String grantId) {
        return tx.delete(KmsSchema.grant(scope, keyId, grantId));
    }

    /**
     * One page of grants in record id order ({@code keyId/grantId}): of one key when {@code keyId}
     * is given, else of every key of the scope. {@code afterId} and the next page's start are record ids.
     */
    public Listing<GrantRecord> listGrants(ReadTransaction tx, KmsScope scope, Optional<String> keyId, String afterId,
            int limit) {
        Page page = tx.list(KmsSchema.GRANTS, scope.storeScope(), keyId.map(KmsSchema::perKeyPrefix).orElse(""),
                afterId, limit);
        return new Listing<>(page.records().stream().map(KmsRecords::grant).toList(), page.nextAfterId());
    }

    /** Deletes a key with everything that belongs to it: its records in every per-key namespace and its aliases. */
    public void purgeKey(WriteTransaction tx, KmsScope scope, String keyId) {
        for (String namespace : KmsSchema.PER_KEY_NAMESPACES) {
            deleteAll(tx, namespace, scope, KmsSchema.perKeyPrefix(keyId));
        }
        for (AliasRecord alias : aliasesOf(tx, scope, keyId)) {
            deleteAlias(tx, scope, alias.aliasName());
        }
        tx.delete(KmsSchema.key(scope, keyId));
        materialCache.invalidate(scope, keyId);
    }

    private static void deleteAll(WriteTransaction tx, String namespace, KmsScope scope, String idPrefix) {
        Page page;
        do {
            page = tx.list(namespace, scope.storeScope(), idPrefix, "", PURGE_BATCH);
            for (StoredRecord stored : page.records()) {
                tx.delete(stored.key());
            }
        } while (page.nextAfterId().isPresent());
    }

    private boolean notYetDeleted(KeyRecord record) {
        return record.state() != KeyState.PendingDeletion || record.deletionDate().isAfter(clock.instant());
    }

    private static GrantRecord grant(StoredRecord stored) {
        return Documents.read(stored.key(), stored.document(), GrantRecord.class);
    }

    private static KeyMaterial material(StoredRecord stored) {
        RecordKey key = stored.key();
        KeyMaterialRecord record = Documents.read(key, stored.document(), KeyMaterialRecord.class);
        return new KeyMaterial(record, stored.secret()
                .orElseThrow(() -> new StoreException("Key material " + key.id() + " has no secret part")));
    }

    /** A material's document and whether the material itself is present. */
    public record ListedMaterial(KeyMaterialRecord record, boolean present) {
    }

    /** A page of records read from the store, and where the next page starts. */
    public record Listing<T>(List<T> items, Optional<String> nextAfterId) {
        public Listing {
            items = List.copyOf(items);
        }
    }
}
