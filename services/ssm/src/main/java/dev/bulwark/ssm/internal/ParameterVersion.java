package dev.bulwark.ssm.internal;

import java.time.Instant;
import java.util.List;

/**
 * One version of a parameter, without its value: what PutParameter wrote. Stored as the document of
 * a version record, and as the current version inside the {@link ParameterRecord}.
 *
 * @param type          {@code String}, {@code StringList} or {@code SecureString}
 * @param dataType      {@code text} or {@code aws:ec2:image}
 * @param tier          {@code Standard} or {@code Advanced} (never Intelligent-Tiering: that chooses one)
 * @param keyId         for SecureString, the KMS key as the user named it, or {@code alias/aws/ssm}; else null
 * @param lastModifiedUser the ARN of the principal that wrote the version
 */
public record ParameterVersion(
        long version,
        String type,
        String dataType,
        String tier,
        String description,
        String allowedPattern,
        String keyId,
        List<ParameterPolicy> policies,
        Instant lastModifiedDate,
        String lastModifiedUser) {

    public static final String SECURE_STRING = "SecureString";
    public static final String STANDARD = "Standard";
    public static final String ADVANCED = "Advanced";

    public ParameterVersion {
        policies = policies == null ? List.of() : List.copyOf(policies);
    }

    public boolean secure() {
        return SECURE_STRING.equals(type);
    }

    public boolean advanced() {
        return ADVANCED.equals(tier);
    }

    public ParameterVersion withPolicies(List<ParameterPolicy> newPolicies) {
        return new ParameterVersion(version, type, dataType, tier, description, allowedPattern, keyId, newPolicies,
                lastModifiedDate, lastModifiedUser);
    }
}
