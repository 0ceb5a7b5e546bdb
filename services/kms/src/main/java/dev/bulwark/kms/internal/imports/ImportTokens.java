package dev.bulwark.kms.internal.imports;

import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.crypto.kms.AsymmetricKeyPair;
import dev.bulwark.crypto.kms.WrappingAlgorithm;
import dev.bulwark.jobs.JobKey;
import dev.bulwark.jobs.JobScheduler;
import dev.bulwark.kms.internal.KeyJobId;
import dev.bulwark.kms.internal.KmsErrors;
import dev.bulwark.kms.internal.KmsKey;
import dev.bulwark.kms.internal.KmsSchema;
import dev.bulwark.kms.internal.KmsScope;
import dev.bulwark.store.Documents;
import dev.bulwark.store.RecordKey;
import dev.bulwark.store.StoredRecord;
import dev.bulwark.store.WriteTransaction;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Import tokens: what binds GetParametersForImport's wrapping key to one key and one later
 * ImportKeyMaterial.
 *
 * <p>A token is a version byte and 32 random bytes naming a record under the key it was issued
 * for ({@link KmsSchema#importToken}); the record holds, sealed, the private half of the wrapping
 * key. A token therefore opens nothing by itself, is unguessable, and looked up under another key
 * finds nothing (InvalidImportTokenException). It is single use: a successful import deletes the
 * record in the import's own transaction, while a failed import rolls back and leaves it usable.
 * A durable job drops the private key when the token expires.
 */
final class ImportTokens {
    static final String EXPIRY_JOB_TYPE = "kms.expire-import-token";
    private static final byte VERSION = 1;
    private static final int TOKEN_ID_BYTES = 32;
    private static final HexFormat HEX = HexFormat.of();

    private final JobScheduler jobs;
    private final SecureRandom random;

    ImportTokens(JobScheduler jobs, SecureRandom random) {
        this.jobs = jobs;
        this.random = random;
    }

    /** An issued token: what ImportKeyMaterial must send back. */
    record Issued(byte[] token, Instant validTo) {
    }

    /** A token accepted for an import: how the material was wrapped and the key to unwrap it. */
    record Redeemed(ImportTokenRecord record, SecretBytes wrappingPrivateKey) {
    }

    Issued issue(WriteTransaction tx, KmsKey key, WrappingAlgorithm algorithm, AsymmetricKeyPair wrappingKey, Instant validTo) {
        byte[] id = new byte[TOKEN_ID_BYTES];
        random.nextBytes(id);
        String tokenId = HEX.formatHex(id);
        ImportTokenRecord record = new ImportTokenRecord(key.keyId(), tokenId, wrappingKey.spec(), algorithm, validTo);
        tx.put(KmsSchema.importToken(key.scope(), key.keyId(), tokenId), Documents.write(record), wrappingKey.privateKey());
        jobs.schedule(tx, expiryJob(key.scope(), key.keyId(), tokenId), validTo, new byte[0]);
        byte[] token = new byte[1 + TOKEN_ID_BYTES];
        token[0] = VERSION;
        System.arraycopy(id, 0, token, 1, TOKEN_ID_BYTES);
        return new Issued(token, validTo);
    }

    /**
     * Takes the token for an import into {@code key}: InvalidImportTokenException if it was not
     * issued for this key or was already used, ExpiredImportTokenException once its time is over.
     */
    Redeemed redeem(WriteTransaction tx, KmsKey key, byte[] token, Instant now) {
        if (token.length != 1 + TOKEN_ID_BYTES || token[0] != VERSION) {
            throw KmsErrors.invalidImportToken();
        }
        String tokenId = HEX.formatHex(Arrays.copyOfRange(token, 1, token.length));
        RecordKey recordKey = KmsSchema.importToken(key.scope(), key.keyId(), tokenId);
        StoredRecord stored = tx.get(recordKey).orElseThrow(KmsErrors::invalidImportToken);
        ImportTokenRecord record = Documents.read(recordKey, stored.document(), ImportTokenRecord.class);
        Optional<SecretBytes> privateKey = stored.secret();
        if (!record.validTo().isAfter(now) || privateKey.isEmpty()) {
            throw KmsErrors.expiredImportToken();
        }
        tx.delete(recordKey);
        jobs.cancel(tx, expiryJob(key.scope(), key.keyId(), tokenId));
        return new Redeemed(record, privateKey.get());
    }

    /** Drops an expired token's private key, keeping the document that says it expired. */
    static void expire(WriteTransaction tx, KmsScope scope, String keyId, String tokenId) {
        RecordKey recordKey = KmsSchema.importToken(scope, keyId, tokenId);
        tx.get(recordKey).ifPresent(stored -> tx.put(recordKey, stored.document(), null));
    }

    private static JobKey expiryJob(KmsScope scope, String keyId, String tokenId) {
        return KeyJobId.jobKey(EXPIRY_JOB_TYPE, scope, keyId, tokenId);
    }
}
