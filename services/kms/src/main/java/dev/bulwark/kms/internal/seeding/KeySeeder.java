package dev.bulwark.kms.internal.seeding;

import dev.bulwark.crypto.InsecureSecretAccess;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.kms.KmsSeedException;
import dev.bulwark.kms.internal.AliasRecord;
import dev.bulwark.kms.internal.KeyManager;
import dev.bulwark.kms.internal.KeyMaterial;
import dev.bulwark.kms.internal.KeyMaterialRecord;
import dev.bulwark.kms.internal.KeyMaterials;
import dev.bulwark.kms.internal.KeyOrigin;
import dev.bulwark.kms.internal.KeyPolicies;
import dev.bulwark.kms.internal.KeyRecord;
import dev.bulwark.kms.internal.KeyState;
import dev.bulwark.kms.internal.KmsKey;
import dev.bulwark.kms.internal.KmsRecords;
import dev.bulwark.kms.internal.KmsScope;
import dev.bulwark.store.Store;
import dev.bulwark.store.WriteTransaction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Creates the keys of a seed file that do not exist yet, in one write transaction, so a file with
 * a conflict changes nothing.
 *
 * <ul>
 *   <li><b>Idempotent.</b> A key that exists (whatever happened to it since: disabled, described,
 *       re-aliased, pending deletion) is left alone if it is the same key: same spec, same usage
 *       and, when the file gives material, that very material. Otherwise the seed conflicts with
 *       the store and nothing is applied. Aliases and descriptions are set when a key is created
 *       only; an alias that exists for another key is a conflict.</li>
 *   <li><b>Material ids from the material.</b> A seeded material's id is
 *       HMAC-SHA256(material, "bulwark kms seeded material id" || key id), so every server
 *       seeded from one file gives a material the same id and decrypts the others' ciphertexts
 *       (whose header names the material), while the id reveals nothing of the material.</li>
 *   <li>Seeded keys are customer managed keys of origin AWS_KMS with the default key policy, as
 *       CreateKey makes them; a key without material in the file gets fresh material, generated
 *       inside the transaction (seeding runs at start-up and on reset, when nothing waits on
 *       the store's writer).</li>
 * </ul>
 */
public final class KeySeeder {
    private static final byte[] MATERIAL_ID_LABEL = "bulwark kms seeded material id".getBytes(StandardCharsets.US_ASCII);

    private final KmsRecords records;
    private final KeyMaterials materials;
    private final Clock clock;

    public KeySeeder(KmsRecords records, KeyMaterials materials, Clock clock) {
        this.records = records;
        this.materials = materials;
        this.clock = clock;
    }

    /** @return how many keys were created; the others existed */
    public int apply(Store store, List<SeedKey> keys) {
        return store.write(tx -> {
            int created = 0;
            for (SeedKey key : keys) {
                Optional<KeyRecord> existing = records.findKeyRecord(tx, key.scope(), key.keyId());
                if (existing.isPresent()) {
                    requireSameKey(tx, key, existing.get());
                } else {
                    create(tx, key);
                    created++;
                }
            }
            return created;
        });
    }

    private void create(WriteTransaction tx, SeedKey key) {
        KmsScope scope = key.scope();
        for (String alias : key.aliases()) {
            records.findAlias(tx, scope, alias).ifPresent(taken -> {
                throw new KmsSeedException(key.label() + ": alias " + alias + " already names key " + taken.targetKeyId());
            });
        }
        Instant now = clock.instant();
        KeyMaterial material = key.material()
                .map(chosen -> new KeyMaterial(new KeyMaterialRecord(key.keyId(), materialId(key.keyId(), chosen.secret()), now,
                        KeyOrigin.AWS_KMS, chosen.publicKey(), null), chosen.secret()))
                .orElseGet(() -> materials.generate(key.keyId(), key.spec()));
        boolean multiRegion = key.keyId().startsWith("mrk-");
        records.putKey(tx, new KmsKey(scope, new KeyRecord(key.keyId(), now, KeyState.Enabled, key.description(), key.spec(),
                key.usage(), KeyOrigin.AWS_KMS, KeyManager.CUSTOMER,
                multiRegion ? new KeyRecord.MultiRegion(scope.region().name(), List.of()) : null,
                null, null, KeyPolicies.defaultPolicy(scope), List.of(), material.materialId())));
        records.putMaterial(tx, scope, material);
        for (String alias : key.aliases()) {
            records.putAlias(tx, scope, new AliasRecord(alias, key.keyId(), now, now));
        }
    }

    private void requireSameKey(WriteTransaction tx, SeedKey key, KeyRecord existing) {
        String arn = key.scope().keyArn(key.keyId());
        if (existing.keySpec() != key.spec() || existing.keyUsage() != key.usage()) {
            throw new KmsSeedException(key.label() + ": " + arn + " exists as a " + existing.keySpec().wireName() + " "
                    + existing.keyUsage() + " key, not " + key.spec().wireName() + " " + key.usage());
        }
        if (key.material().isPresent()) {
            SecretBytes chosen = key.material().get().secret();
            boolean same = records.findMaterial(tx, key.scope(), key.keyId(), materialId(key.keyId(), chosen))
                    .filter(stored -> stored.secret().equalsSecretBytes(chosen))
                    .isPresent();
            if (!same) {
                throw new KmsSeedException(key.label() + ": " + arn + " exists with other key material");
            }
        }
    }

    static String materialId(String keyId, SecretBytes material) {
        byte[] raw = material.toByteArray(InsecureSecretAccess.get());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(raw, "HmacSHA256"));
            mac.update(MATERIAL_ID_LABEL);
            return HexFormat.of().formatHex(mac.doFinal(keyId.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JDK", e);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }
}
