package dev.bulwark.kms.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Opened key materials of Enabled keys, kept in memory so that the hot path (Encrypt, Decrypt,
 * GenerateDataKey, Sign, GenerateMac ... with the same key, call after call) does not read and
 * unseal the material's record every time.
 *
 * <h2>Design</h2>
 * <ul>
 *   <li><b>It saves the unseal, never a check.</b> Every call still reads the key's record in its
 *       transaction and checks state, usage and authorization before it asks for material; the
 *       cache answers only that last question. Correctness therefore never depends on
 *       invalidation: a material id names one material for good (rotation adds a new id,
 *       re-import must bring the same bytes, seeded ids are derived from the bytes), so an entry
 *       can only outlive its record, and a deleted material belongs to a key that is gone or not
 *       Enabled, which the call has refused before it gets here.</li>
 *   <li><b>Invalidation keeps secrets in memory no longer than needed.</b> {@link KmsRecords} drops
 *       a key's entries when it writes the key in any state but Enabled, when it writes one of the
 *       key's materials, and when it purges the key; only materials of Enabled keys are added.
 *       A call that read the key as Enabled just before it was disabled may still add an entry
 *       after the drop; it stays until evicted or the key's next invalidation, harmless by the
 *       point above. For the same reason a cluster needs no cross-node invalidation.</li>
 *   <li><b>Bounded, least recently used first.</b> At most {@code maxKeys} keys (with all their
 *       materials that were used). Evicted materials are not destroyed: a call may be using them
 *       right now; the garbage collector reclaims them. Process memory holds the root key and the
 *       store's data keys anyway, so a cached material adds no new exposure.</li>
 *   <li><b>One lock.</b> Every operation is a few map operations under the monitor, never I/O,
 *       so contention stays far below a request's cost (and virtual threads never park holding it).</li>
 * </ul>
 */
public final class MaterialCache {
    private final int maxKeys;
    private final LinkedHashMap<CachedKey, Map<String, KeyMaterial>> byKey;

    /** @param maxKeys how many keys' materials to keep; 0 keeps none */
    public MaterialCache(int maxKeys) {
        if (maxKeys < 0) {
            throw new IllegalArgumentException("maxKeys must not be negative: " + maxKeys);
        }
        this.maxKeys = maxKeys;
        this.byKey = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<CachedKey, Map<String, KeyMaterial>> eldest) {
                return size() > MaterialCache.this.maxKeys;
            }
        };
    }

    /** A cache that keeps nothing (for record access outside the service, such as the deletion job). */
    public static MaterialCache none() {
        return new MaterialCache(0);
    }

    public synchronized Optional<KeyMaterial> get(KmsScope scope, String keyId, String materialId) {
        Map<String, KeyMaterial> materials = byKey.get(new CachedKey(scope, keyId));
        return materials == null ? Optional.empty() : Optional.ofNullable(materials.get(materialId));
    }

    public synchronized void put(KmsScope scope, KeyMaterial material) {
        if (maxKeys == 0) {
            return;
        }
        byKey.computeIfAbsent(new CachedKey(scope, material.record().keyId()), key -> new HashMap<>())
                .put(material.materialId(), material);
    }

    /** Forgets every material of the key. */
    public synchronized void invalidate(KmsScope scope, String keyId) {
        byKey.remove(new CachedKey(scope, keyId));
    }

    private record CachedKey(KmsScope scope, String keyId) {
    }
}
