package dev.bulwark.auth.identity;

import dev.bulwark.auth.Credential;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.call.Principal;
import dev.bulwark.crypto.InsecureSecretAccess;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.store.Documents;
import dev.bulwark.store.ReadTransaction;
import dev.bulwark.store.RecordKey;
import dev.bulwark.store.StoredRecord;
import dev.bulwark.store.WriteTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Temporary credentials issued by STS, found by {@link AccessKeyStore#find} like any access key.
 *
 * <h2>Design note</h2>
 *
 * <p>A record holds the principal the credentials authenticate as, their expiry and the
 * {@link SessionContext}; its sealed part holds both secrets, the secret access key and the
 * session token, packed as {@code length(secret) || secret || token}. The token is opaque and
 * random: it carries nothing, it only has to match.
 *
 * <p>Expired credentials are kept for {@link #KEPT_AFTER_EXPIRY} so that a client still using
 * them hears {@code ExpiredToken} (as from AWS, whose tokens never stop saying so) rather than
 * "invalid token"; then they are purged. There is no background job: an index of records named
 * {@code <expiry millis, zero-padded>/<accessKeyId>} lists them oldest first, and every issue
 * purges a few that are due, so cleanup keeps pace with issuance at a bounded cost per call.
 */
public final class SessionCredentialStore {
    /** Temporary credentials; wiped on reset. */
    public static final String NAMESPACE = "auth.session-credential";
    /** The same credentials ordered by expiry, for purging. */
    public static final String EXPIRY_INDEX_NAMESPACE = "auth.session-expiry";
    /** How long expired credentials still answer {@code ExpiredToken}. */
    public static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);

    private static final int PURGE_BATCH = 16;

    private SessionCredentialStore() {
    }

    /** The public part of a temporary credential record. */
    record SessionDocument(
            Principal.Type principalType,
            String account,
            String arn,
            String principalId,
            Instant expiration,
            SessionContext.IssuerType issuerType,
            String issuerArn,
            String issuerId,
            String issuerName,
            String sourceAccessKeyId,
            Instant creationDate,
            String policy,
            List<String> policyArns,
            Map<String, String> tags,
            List<String> transitiveTagKeys,
            String sourceIdentity) {

        SessionContext context() {
            return new SessionContext(issuerType, issuerArn, issuerId, issuerName, sourceAccessKeyId, creationDate,
                    Optional.ofNullable(policy), policyArns, tags, transitiveTagKeys, Optional.ofNullable(sourceIdentity));
        }
    }

    /** Stores new temporary credentials, and purges a few that expired long enough ago. */
    public static void create(WriteTransaction tx, Credential credential, SessionContext context, Instant now) {
        if (!AwsIdentifiers.isTemporary(credential.accessKeyId())) {
            throw new IllegalArgumentException("Temporary credentials have ASIA key ids");
        }
        Principal principal = credential.principal();
        Instant expiration = credential.expiration().orElseThrow(
                () -> new IllegalArgumentException("Temporary credentials expire"));
        SecretBytes token = credential.sessionToken().orElseThrow(
                () -> new IllegalArgumentException("Temporary credentials have a session token"));
        purgeExpired(tx, now);
        SessionDocument document = new SessionDocument(principal.type(), principal.account().value(), principal.arn(),
                principal.principalId(), expiration, context.issuerType(), context.issuerArn(), context.issuerId(),
                context.issuerName(), context.sourceAccessKeyId(), context.creationDate(), context.policy().orElse(null),
                context.policyArns(), context.tags(), context.transitiveTagKeys(), context.sourceIdentity().orElse(null));
        tx.put(key(credential.accessKeyId()), Documents.write(document), pack(credential.secretAccessKey(), token));
        tx.put(expiryIndexKey(expiration, credential.accessKeyId()), Documents.write(Map.of()), null);
    }

    /** The temporary credentials an {@code ASIA} key id names, expired or not. */
    public static Optional<Credential> find(ReadTransaction tx, String accessKeyId) {
        return tx.get(key(accessKeyId)).map(SessionCredentialStore::credential);
    }

    /** The session the temporary credentials belong to. */
    public static Optional<SessionContext> context(ReadTransaction tx, String accessKeyId) {
        return tx.get(key(accessKeyId)).map(record -> read(record).context());
    }

    private static void purgeExpired(WriteTransaction tx, Instant now) {
        String due = sortableMillis(now.minus(KEPT_AFTER_EXPIRY));
        for (StoredRecord entry : tx.list(EXPIRY_INDEX_NAMESPACE, "", "", "", PURGE_BATCH).records()) {
            String id = entry.key().id();
            int slash = id.indexOf('/');
            if (id.substring(0, slash).compareTo(due) >= 0) {
                return;
            }
            tx.delete(key(id.substring(slash + 1)));
            tx.delete(entry.key());
        }
    }

    private static Credential credential(StoredRecord record) {
        SessionDocument document = read(record);
        SecretBytes packed = record.secret().orElseThrow(
                () -> new IllegalStateException("Session credential " + record.key().id() + " has no secret"));
        byte[] raw = packed.toByteArray(InsecureSecretAccess.get());
        try {
            int secretLength = raw[0] & 0xff;
            SecretBytes secret = SecretBytes.copyOf(Arrays.copyOfRange(raw, 1, 1 + secretLength));
            SecretBytes token = SecretBytes.copyOf(Arrays.copyOfRange(raw, 1 + secretLength, raw.length));
            Principal principal = new Principal(document.principalType(), AccountId.of(document.account()),
                    document.arn(), document.principalId(), record.key().id());
            return Credential.temporary(record.key().id(), secret, principal, token, document.expiration());
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** {@code length(secret) || secret || token}: the secret is 40 bytes, so one length byte suffices. */
    private static SecretBytes pack(SecretBytes secret, SecretBytes token) {
        byte[] secretRaw = secret.toByteArray(InsecureSecretAccess.get());
        byte[] tokenRaw = token.toByteArray(InsecureSecretAccess.get());
        if (secretRaw.length > 255) {
            throw new IllegalArgumentException("A secret access key is 40 characters");
        }
        byte[] packed = new byte[1 + secretRaw.length + tokenRaw.length];
        packed[0] = (byte) secretRaw.length;
        System.arraycopy(secretRaw, 0, packed, 1, secretRaw.length);
        System.arraycopy(tokenRaw, 0, packed, 1 + secretRaw.length, tokenRaw.length);
        try {
            return SecretBytes.copyOf(packed);
        } finally {
            Arrays.fill(secretRaw, (byte) 0);
            Arrays.fill(tokenRaw, (byte) 0);
            Arrays.fill(packed, (byte) 0);
        }
    }

    private static SessionDocument read(StoredRecord record) {
        return Documents.read(record.key(), record.document(), SessionDocument.class);
    }

    private static RecordKey key(String accessKeyId) {
        return new RecordKey(NAMESPACE, "", accessKeyId);
    }

    private static RecordKey expiryIndexKey(Instant expiration, String accessKeyId) {
        return new RecordKey(EXPIRY_INDEX_NAMESPACE, "", sortableMillis(expiration) + "/" + accessKeyId);
    }

    /** Epoch milliseconds padded to a fixed width, so that id order is time order. */
    private static String sortableMillis(Instant instant) {
        return String.format("%015d", instant.toEpochMilli());
    }
}
