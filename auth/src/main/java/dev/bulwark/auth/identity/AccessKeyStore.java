package dev.bulwark.auth.identity;

import dev.bulwark.auth.Credential;
import dev.bulwark.auth.CredentialLookup;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.call.Principal;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.store.Documents;
import dev.bulwark.store.ReadTransaction;
import dev.bulwark.store.RecordKey;
import dev.bulwark.store.Store;
import dev.bulwark.store.StoredRecord;
import dev.bulwark.store.WriteTransaction;
import java.time.Instant;
import java.util.Optional;

/**
 * Long-term access keys in the store. The secret access key is the record's sealed part: SigV4
 * needs the secret itself (an HMAC key), so it cannot be kept as a hash, but it never reaches
 * the database unsealed. Access key ids are unique across accounts, so records are server-wide
 * (empty scope) and a lookup needs nothing but the id.
 */
public final class AccessKeyStore implements CredentialLookup {
    /** The namespace of access key records; kept on reset, with the bootstrap identity. */
    public static final String NAMESPACE = "auth.access-key";

    private final Store store;

    public AccessKeyStore(Store store) {
        this.store = store;
    }

    /** The public part of an access key record. */
    record AccessKeyDocument(
            String status,
            Principal.Type principalType,
            String account,
            String arn,
            String principalId,
            Instant created) {
    }

    @Override
    public Optional<Credential> find(String accessKeyId) {
        return store.read(tx -> find(tx, accessKeyId));
    }

    /** Reads an access key inside a transaction; inactive keys authenticate nothing. */
    public static Optional<Credential> find(ReadTransaction tx, String accessKeyId) {
        return tx.get(key(accessKeyId)).flatMap(AccessKeyStore::activeCredential);
    }

    /** Stores a new active access key for a principal. */
    public static void create(WriteTransaction tx, Credential credential, Instant now) {
        Principal principal = credential.principal();
        AccessKeyDocument document = new AccessKeyDocument("Active", principal.type(), principal.account().value(),
                principal.arn(), principal.principalId(), now);
        tx.put(key(credential.accessKeyId()), Documents.write(document), credential.secretAccessKey());
    }

    private static RecordKey key(String accessKeyId) {
        return new RecordKey(NAMESPACE, "", accessKeyId);
    }

    private static Optional<Credential> activeCredential(StoredRecord record) {
        AccessKeyDocument document = Documents.read(record.key(), record.document(), AccessKeyDocument.class);
        if (!"Active".equals(document.status())) {
            return Optional.empty();
        }
        SecretBytes secret = record.secret().orElseThrow(
                () -> new IllegalStateException("Access key " + record.key().id() + " has no secret"));
        Principal principal = new Principal(document.principalType(), AccountId.of(document.account()),
                document.arn(), document.principalId(), record.key().id());
        return Optional.of(Credential.longTerm(record.key().id(), secret, principal));
    }
}
