package dev.bulwark.secretsmanager.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;

/** Request checks several operations share, with the model's limits. */
public final class Requests {
    public static final int MAX_VALUE_LENGTH = 65536;
    public static final Pattern REGION = Pattern.compile("^([a-z]+-)+\\d+$");

    private Requests() {
    }

    /** SecretId: 1 to 2048 characters, required. */
    public static Constraints secretId(String secretId) {
        return Constraints.check().required("secretId", secretId).length("secretId", secretId, 1, 2048);
    }

    public static Constraints value(Constraints constraints, String secretString, SdkBytes secretBinary) {
        return constraints.sensitiveLength("secretString", secretString, 1, MAX_VALUE_LENGTH)
                .sensitiveLength("secretBinary", secretBinary, 1, MAX_VALUE_LENGTH);
    }

    public static Constraints token(Constraints constraints, String clientRequestToken) {
        return constraints.length("clientRequestToken", clientRequestToken, 32, 64);
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
