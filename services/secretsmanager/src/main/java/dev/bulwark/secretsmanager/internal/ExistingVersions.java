package dev.bulwark.secretsmanager.internal;

import dev.bulwark.core.call.Caller;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.secretsmanager.internal.SecretRecords.StoredVersion;

/**
 * ClientRequestToken idempotency: a request naming an existing version succeeds without effect
 * if it carries the value that version holds, and fails otherwise (versions never change). The
 * comparison needs the stored value, so the version is decrypted, as the caller.
 */
public final class ExistingVersions {
    private final SecretsCore core;

    public ExistingVersions(SecretsCore core) {
        this.core = core;
    }

    /** Whether the version holds exactly this value (type and bytes). */
    public boolean holds(Caller caller, SecretRecord secret, StoredVersion version, SecretValue value) {
        if (!version.version().hasValue()) {
            return false;
        }
        SecretBytes stored = core.cipher().open(caller, secret.arn(), version.version(), version.ciphertext().orElseThrow());
        try {
            return new SecretValue(version.version().type(), stored).sameAs(value);
        } finally {
            stored.destroy();
        }
    }
}
