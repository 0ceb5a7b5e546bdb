package dev.bulwark.kms.internal;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import dev.bulwark.jobs.JobKey;
import java.util.Objects;
import java.util.Optional;

/**
 * The id of a KMS job about one key: {@code <account>/<region>/<keyId>}, followed by
 * {@code /<part>} for jobs about a part of the key (a material, an import token, a kind of
 * rotation). Naming a job after what it acts on makes scheduling it again replace it, and lets
 * the job find its key without a payload. Key ids and parts hold no slash, so the id splits back.
 */
public record KeyJobId(KmsScope scope, String keyId, Optional<String> part) {

    public KeyJobId {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(part, "part");
    }

    public static JobKey jobKey(String type, KmsScope scope, String keyId) {
        return new KeyJobId(scope, keyId, Optional.empty()).toJobKey(type);
    }

    public static JobKey jobKey(String type, KmsScope scope, String keyId, String part) {
        return new KeyJobId(scope, keyId, Optional.of(part)).toJobKey(type);
    }

    public JobKey toJobKey(String type) {
        return new JobKey(type, scope.storeScope() + "/" + keyId + part.map(p -> "/" + p).orElse(""));
    }

    /** Reads the id of a job scheduled with {@link #jobKey}; anything else is a bug, not input. */
    public static KeyJobId parse(JobKey key) {
        String[] parts = key.id().split("/", 4);
        if (parts.length < 3 || !AccountId.isValid(parts[0]) || !Region.isValid(parts[1]) || parts[2].isEmpty()) {
            throw new IllegalArgumentException("Not the id of a KMS key job: " + key);
        }
        return new KeyJobId(new KmsScope(AccountId.of(parts[0]), Region.of(parts[1])), parts[2],
                parts.length == 4 ? Optional.of(parts[3]) : Optional.empty());
    }

    /** The part, for jobs that always have one. */
    public String requirePart() {
        return part.orElseThrow(() -> new IllegalArgumentException("The job of key " + keyId + " names no part"));
    }
}
