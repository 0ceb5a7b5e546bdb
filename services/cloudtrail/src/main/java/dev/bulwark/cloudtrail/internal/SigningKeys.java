package dev.bulwark.cloudtrail.internal;

import dev.bulwark.cloudtrail.internal.StoredDocuments.SigningKey;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.crypto.kms.AsymmetricKeyPair;
import dev.bulwark.crypto.kms.KeyGenerator;
import dev.bulwark.crypto.kms.KeySpec;
import dev.bulwark.store.Documents;
import dev.bulwark.store.Page;
import dev.bulwark.store.ReadTransaction;
import dev.bulwark.store.RecordKey;
import dev.bulwark.store.StoredRecord;
import dev.bulwark.store.WriteTransaction;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The RSA-2048 key pairs that sign digest files, one per trail, made when log file validation
 * is first turned on. The public half is a plain document (ListPublicKeys serves it and
 * {@code bulwark trail validate} reads it); the private half, PKCS #8 DER, is the record's
 * sealed part and never leaves the store except to sign. Keys are kept after their trail is
 * deleted, so its digests can still be validated.
 */
public final class SigningKeys {
    private static final int PAGE = 500;

    private SigningKeys() {
    }

    /** A key pair made outside any transaction (generation is slow and must not be retried). */
    public record NewKey(AsymmetricKeyPair pair, String fingerprint) {
    }

    public static NewKey generate(SecureRandom random) {
        AsymmetricKeyPair pair = KeyGenerator.generateKeyPair(KeySpec.RSA_2048, random);
        return new NewKey(pair, RsaPublicKeys.fingerprint(pair.publicKey()));
    }

    public static void store(WriteTransaction tx, AccountId account, Region homeRegion, String trailArn, NewKey key,
            Instant now) {
        SigningKey document = new SigningKey(key.fingerprint(),
                Base64.getEncoder().encodeToString(key.pair().publicKey()), trailArn, now);
        tx.put(CloudTrailSchema.signingKey(account, homeRegion, key.fingerprint()), Documents.write(document),
                key.pair().privateKey());
    }

    public static Optional<SigningKey> publicKey(ReadTransaction tx, AccountId account, Region homeRegion,
            String fingerprint) {
        return tx.get(CloudTrailSchema.signingKey(account, homeRegion, fingerprint))
                .map(record -> Documents.read(record.key(), record.document(), SigningKey.class));
    }

    /** The private key (PKCS #8 DER), to sign with. */
    static SecretBytes privateKey(ReadTransaction tx, AccountId account, Region homeRegion, String fingerprint) {
        StoredRecord record = tx.get(CloudTrailSchema.signingKey(account, homeRegion, fingerprint))
                .orElseThrow(() -> new IllegalStateException("Signing key " + fingerprint + " is missing"));
        return record.secret().orElseThrow(() -> new IllegalStateException("Signing key " + fingerprint + " has no private key"));
    }

    /** Every signing key of an account's region, oldest id first. */
    public static List<SigningKey> inRegion(ReadTransaction tx, AccountId account, Region region) {
        List<SigningKey> keys = new ArrayList<>();
        String after = "";
        while (true) {
            Page page = tx.list(CloudTrailSchema.SIGNING_KEY, RecordKey.scope(account, region), "", after, PAGE);
            for (StoredRecord record : page.records()) {
                keys.add(Documents.read(record.key(), record.document(), SigningKey.class));
            }
            if (page.nextAfterId().isEmpty()) {
                return keys;
            }
            after = page.nextAfterId().get();
        }
    }
}
