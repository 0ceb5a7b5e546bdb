package dev.bulwark.secretsmanager.internal;

import dev.bulwark.core.Validation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;

/** Request checks several operations share, with the model's limits. */
public final class Requests {
    public static final int MAX_VALUE_LENGTH = 65536;
    public static final String REGION = "^([a-z]+-)+\\d+$";

    private Requests() {
    }

    /** SecretId: 1 to 2048 characters, required. */
    public static Validation secretId(String secretId) {
        return Validation.check().required("secretId", secretId).string("secretId", secretId, 1, 2048, null);
    }

    public static Validation value(Validation validation, String secretString, SdkBytes secretBinary) {
        return validation.sensitive("secretString", secretString, 1, MAX_VALUE_LENGTH)
                .sensitive("secretBinary", secretBinary == null ? null : secretBinary.asByteArrayUnsafe(), 1, MAX_VALUE_LENGTH);
    }

    public static Validation token(Validation validation, String clientRequestToken) {
        return validation.string("clientRequestToken", clientRequestToken, 32, 64, null);
    }

    /** Only one of SecretString and SecretBinary. */
    public static void oneValue(String secretString, SdkBytes secretBinary) {
        if (secretString != null && secretBinary != null) {
            throw SecretsErrors.invalidParameter(
                    "You can't specify both a binary secret value and a string secret value in the same secret.");
        }
    }

    /** Secrets Manager reports times to the millisecond. */
    public static Instant now(java.time.Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The UTC day a time falls on, as LastAccessedDate reports it. */
    public static Instant day(Instant time) {
        return time.truncatedTo(ChronoUnit.DAYS);
    }

    public static Map<String, List<String>> keys(String key, String value) {
        return value == null ? Map.of() : Map.of(key, List.of(value));
    }
}
