package dev.bulwark.sts.internal;

import dev.bulwark.auth.Credential;
import dev.bulwark.auth.identity.AccessKeyStore;
import dev.bulwark.auth.identity.SessionContext;
import dev.bulwark.auth.identity.SessionCredentialStore;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.call.Principal;
import dev.bulwark.crypto.InsecureSecretAccess;
import dev.bulwark.crypto.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Issues temporary credentials: a new {@code ASIA...} key id that encodes the account, a secret,
 * a session token and an expiry, stored (secrets sealed) with the session they belong to, so
 * that SigV4 finds them as it finds any access key.
 */
final class SessionIssuer {
    private final StsContext sts;

    SessionIssuer(StsContext sts) {
        this.sts = sts;
    }

    /**
     * @param account      the account the credentials act in (a role's account, the caller's own)
     * @param principalFor the principal they authenticate as, given their access key id
     */
    Credential issue(AccountId account, Function<String, Principal> principalFor, Duration lifetime,
            SessionContext session) {
        return sts.store().write(tx -> {
            String accessKeyId = sts.keys().newTemporaryKeyId(account);
            while (AccessKeyStore.find(tx, accessKeyId).isPresent()) {
                accessKeyId = sts.keys().newTemporaryKeyId(account);
            }
            Credential credential = Credential.temporary(accessKeyId, sts.keys().newSecretAccessKey(),
                    principalFor.apply(accessKeyId), sts.keys().newSessionToken(),
                    session.creationDate().plus(lifetime));
            SessionCredentialStore.create(tx, credential, session, session.creationDate());
            return credential;
        });
    }

    /** The credentials as STS returns them: the one time their secrets leave the server. */
    static Credentials toSdk(Credential credential) {
        return Credentials.builder()
                .accessKeyId(credential.accessKeyId())
                .secretAccessKey(reveal(credential.secretAccessKey()))
                .sessionToken(reveal(credential.sessionToken().orElseThrow()))
                .expiration(credential.expiration().orElseThrow())
                .build();
    }

    private static String reveal(SecretBytes secret) {
        return new String(secret.toByteArray(InsecureSecretAccess.get()), StandardCharsets.US_ASCII);
    }
}
