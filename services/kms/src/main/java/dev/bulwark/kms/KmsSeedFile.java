package dev.bulwark.kms;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import dev.bulwark.kms.internal.KeyMaterials;
import dev.bulwark.kms.internal.KmsRecords;
import dev.bulwark.kms.internal.seeding.KeySeeder;
import dev.bulwark.kms.internal.seeding.SeedEntries;
import dev.bulwark.kms.internal.seeding.SeedKey;
import dev.bulwark.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * A KMS seed file: keys with chosen key ids and, optionally, chosen key material, which the
 * server creates at start-up when they do not exist yet (for tests that need fixed keys, and for
 * moving keys in from elsewhere). docs/services/kms.md describes the format:
 * <pre>
 * [ { "keyId": "1234abcd-12ab-34cd-56ef-1234567890ab", "material": "base64 of 32 bytes",
 *     "aliases": ["alias/app"], "description": "app key" },
 *   { "account": "111122223333", "region": "eu-west-1", "keyId": "...", "keySpec": "ECC_NIST_P256",
 *     "keyUsage": "SIGN_VERIFY", "privateKeyPkcs8": "base64 of the DER PKCS #8 key" } ]
 * </pre>
 * Applying is idempotent and all or nothing: existing keys that match are left as they are, a
 * key that exists as another key (spec, usage or material) stops the whole seeding.
 */
public final class KmsSeedFile {
    private final Path file;
    private final List<SeedKey> keys;

    private KmsSeedFile(Path file, List<SeedKey> keys) {
        this.file = file;
        this.keys = keys;
    }

    /** What applying a seed file did. */
    public record Applied(int created, int existing) {
    }

    /**
     * Reads and checks a seed file.
     *
     * @param defaultAccount the account of keys that name none
     * @param defaultRegion  the region of keys that name none
     * @throws KmsSeedException if the file cannot be read or a key in it is not valid
     */
    public static KmsSeedFile read(Path file, AccountId defaultAccount, Region defaultRegion) {
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new KmsSeedException("KMS seed file " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        try {
            return new KmsSeedFile(file, SeedEntries.parse(json, defaultAccount, defaultRegion));
        } catch (KmsSeedException invalid) {
            throw new KmsSeedException("KMS seed file " + file + ": " + invalid.getMessage());
        } finally {
            // The file holds key material in plaintext; this copy need not outlive the parse.
            Arrays.fill(json, (byte) 0);
        }
    }

    /**
     * Creates the keys that do not exist yet, in one transaction.
     *
     * @throws KmsSeedException if a key or alias of the file exists as another one; nothing is applied then
     */
    public Applied applyTo(Store store, Clock clock, SecureRandom random) {
        KeySeeder seeder = new KeySeeder(new KmsRecords(clock), new KeyMaterials(clock, random), clock);
        try {
            int created = seeder.apply(store, keys);
            return new Applied(created, keys.size() - created);
        } catch (KmsSeedException conflict) {
            throw new KmsSeedException("KMS seed file " + file + ": " + conflict.getMessage());
        }
    }
}
