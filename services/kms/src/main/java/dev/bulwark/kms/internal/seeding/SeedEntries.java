package dev.bulwark.kms.internal.seeding;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.AwsException;
import dev.bulwark.core.Region;
import dev.bulwark.core.Validation;
import dev.bulwark.crypto.CryptoException;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.crypto.kms.AsymmetricKeyPair;
import dev.bulwark.crypto.kms.KeySpec;
import dev.bulwark.crypto.kms.KeyUsage;
import dev.bulwark.kms.KmsSeedException;
import dev.bulwark.kms.internal.KeyReference;
import dev.bulwark.kms.internal.KmsScope;
import dev.bulwark.kms.internal.aliases.AliasNames;
import dev.bulwark.kms.internal.seeding.SeedKey.ChosenMaterial;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a seed file: a JSON list of keys, each checked as CreateKey and CreateAlias would check
 * it, and its material as ImportKeyMaterial would (AES-256 keys 32 bytes, HMAC keys of AWS's
 * importable lengths, private keys that decode as PKCS #8 keys of the spec). Every problem is a
 * {@link KmsSeedException} naming the entry and the field; no message quotes key material, and a
 * JSON syntax error names only its line and column, since the text there may be a key.
 */
public final class SeedEntries {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** HMAC key lengths ImportKeyMaterial accepts, in bytes: from the hash's output length to its block size. */
    private static final Map<KeySpec, int[]> HMAC_LENGTHS = Map.of(
            KeySpec.HMAC_224, new int[] {28, 64},
            KeySpec.HMAC_256, new int[] {32, 64},
            KeySpec.HMAC_384, new int[] {48, 128},
            KeySpec.HMAC_512, new int[] {64, 128});

    /** One entry as written; every field optional but keyId. */
    private record Entry(String account, String region, String keyId, String keySpec, String keyUsage, String material,
            String privateKeyPkcs8, List<String> aliases, String description) {
    }

    private SeedEntries() {
    }

    /**
     * @param json           the file's content
     * @param defaultAccount the account of entries that name none (the server's default account)
     * @param defaultRegion  the region of entries that name none
     */
    public static List<SeedKey> parse(byte[] json, AccountId defaultAccount, Region defaultRegion) {
        List<Entry> entries;
        try {
            entries = JSON.readValue(json, new TypeReference<List<Entry>>() { });
        } catch (UnrecognizedPropertyException unknown) {
            throw new KmsSeedException("unknown field '" + unknown.getPropertyName() + "'" + at(unknown.getLocation())
                    + "; a key has account, region, keyId, keySpec, keyUsage, material, privateKeyPkcs8, aliases, description");
        } catch (JsonProcessingException malformed) {
            throw new KmsSeedException("not a JSON list of keys" + at(malformed.getLocation()));
        } catch (IOException unreadable) {
            throw new KmsSeedException("cannot be read: " + unreadable.getClass().getSimpleName());
        }
        if (entries == null) {
            throw new KmsSeedException("not a JSON list of keys");
        }
        List<SeedKey> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> aliases = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            SeedKey key = check(i + 1, entries.get(i), defaultAccount, defaultRegion);
            if (!seen.add(key.scope().account() + "/" + key.keyId())) {
                throw new KmsSeedException(key.label() + ": the key id appears twice in account " + key.scope().account()
                        + " (a multi-Region key's replicas are made with ReplicateKey, not seeded)");
            }
            for (String alias : key.aliases()) {
                if (!aliases.add(key.scope().storeScope() + "/" + alias)) {
                    throw new KmsSeedException(key.label() + ": alias " + alias + " is given to two keys");
                }
            }
            keys.add(key);
        }
        return keys;
    }

    private static SeedKey check(int number, Entry entry, AccountId defaultAccount, Region defaultRegion) {
        if (entry == null) {
            throw new KmsSeedException("entry " + number + ": not a key object");
        }
        if (entry.keyId() == null || !KeyReference.KEY_ID.matcher(entry.keyId()).matches()) {
            throw new KmsSeedException("entry " + number + ": keyId must be a key id (a UUID, or mrk- and 32 hex digits), not "
                    + (entry.keyId() == null ? "missing" : "'" + entry.keyId() + "'"));
        }
        String label = SeedKey.label(number, entry.keyId());
        AccountId account = entry.account() == null ? defaultAccount : account(label, entry.account());
        Region region = entry.region() == null ? defaultRegion : region(label, entry.region());
        KeySpec spec = entry.keySpec() == null ? KeySpec.SYMMETRIC_DEFAULT : KeySpec.fromWireName(entry.keySpec())
                .orElseThrow(() -> new KmsSeedException(label + ": keySpec '" + entry.keySpec() + "' is not a KMS key spec"));
        KeyUsage usage = usage(label, entry.keyUsage(), spec);
        if (entry.description() != null && entry.description().length() > 8192) {
            throw new KmsSeedException(label + ": description is longer than 8192 characters");
        }
        List<String> aliases = entry.aliases() == null ? List.of() : entry.aliases();
        for (String alias : aliases) {
            checkAlias(label, alias);
        }
        return new SeedKey(number, new KmsScope(account, region), entry.keyId(), spec, usage,
                material(label, entry, spec), aliases, entry.description() == null ? "" : entry.description());
    }

    private static AccountId account(String label, String account) {
        if (!AccountId.isValid(account)) {
            throw new KmsSeedException(label + ": account must be 12 digits, not '" + account + "'");
        }
        return AccountId.of(account);
    }

    private static Region region(String label, String region) {
        if (!Region.isValid(region)) {
            throw new KmsSeedException(label + ": region '" + region + "' is not a region name");
        }
        return Region.of(region);
    }

    /** As CreateKey: ENCRYPT_DECRYPT by default for symmetric keys only, and one the spec allows. */
    private static KeyUsage usage(String label, String name, KeySpec spec) {
        if (name == null) {
            if (spec != KeySpec.SYMMETRIC_DEFAULT) {
                throw new KmsSeedException(label + ": keyUsage is required for keySpec " + spec.wireName());
            }
            return KeyUsage.ENCRYPT_DECRYPT;
        }
        KeyUsage usage = Arrays.stream(KeyUsage.values()).filter(candidate -> candidate.name().equals(name)).findFirst()
                .orElseThrow(() -> new KmsSeedException(label + ": keyUsage '" + name + "' is not a KMS key usage"));
        if (!spec.allows(usage)) {
            throw new KmsSeedException(label + ": keyUsage " + usage + " is not compatible with keySpec " + spec.wireName());
        }
        return usage;
    }

    private static void checkAlias(String label, String alias) {
        try {
            AliasNames.constraints(Validation.check(), alias).orThrow();
            AliasNames.requireCustomerAlias(alias);
        } catch (AwsException refused) {
            throw new KmsSeedException(label + ": alias '" + alias + "' is not one a customer may create ("
                    + (refused.getMessage() == null ? refused.code() : refused.getMessage()) + ")");
        }
    }

    private static Optional<ChosenMaterial> material(String label, Entry entry, KeySpec spec) {
        if (spec.isSymmetric()) {
            if (entry.privateKeyPkcs8() != null) {
                throw new KmsSeedException(label + ": privateKeyPkcs8 is for asymmetric keys; a " + spec.wireName()
                        + " key takes material");
            }
            return Optional.ofNullable(entry.material()).map(base64 -> symmetric(label, base64, spec));
        }
        if (entry.material() != null) {
            throw new KmsSeedException(label + ": material is for symmetric and HMAC keys; a " + spec.wireName()
                    + " key takes privateKeyPkcs8");
        }
        return Optional.ofNullable(entry.privateKeyPkcs8()).map(base64 -> asymmetric(label, base64, spec));
    }

    private static ChosenMaterial symmetric(String label, String base64, KeySpec spec) {
        byte[] bytes = decode(label, "material", base64);
        try {
            int[] range = spec == KeySpec.SYMMETRIC_DEFAULT ? new int[] {32, 32} : HMAC_LENGTHS.get(spec);
            if (bytes.length < range[0] || bytes.length > range[1]) {
                throw new KmsSeedException(label + ": material of a " + spec.wireName() + " key is "
                        + (range[0] == range[1] ? range[0] + " bytes" : range[0] + " to " + range[1] + " bytes")
                        + ", not " + bytes.length);
            }
            return new ChosenMaterial(SecretBytes.copyOf(bytes), null);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static ChosenMaterial asymmetric(String label, String base64, KeySpec spec) {
        byte[] bytes = decode(label, "privateKeyPkcs8", base64);
        try {
            AsymmetricKeyPair pair = AsymmetricKeyPair.fromPrivateKey(spec, SecretBytes.copyOf(bytes));
            return new ChosenMaterial(pair.privateKey(), pair.publicKey());
        } catch (CryptoException notAKeyOfTheSpec) {
            throw new KmsSeedException(label + ": privateKeyPkcs8 is not a " + spec.wireName() + " private key ("
                    + notAKeyOfTheSpec.getMessage() + ")");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static byte[] decode(String label, String field, String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new KmsSeedException(label + ": " + field + " is not base64");
        }
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
