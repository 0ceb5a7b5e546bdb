package dev.bulwark.server;

import java.net.URI;
import java.util.Objects;

/**
 * A Secrets Manager rotation function reached over HTTP, as {@code --rotation-function ARN=URL}
 * registers it: the Lambda-style ARN secrets name in RotationLambdaARN and the URL Bulwark POSTs
 * the rotation events to. The function's signing key lives in the data folder
 * ({@link DataFolder#rotationFunctionKeyFile}).
 */
public record RotationFunctionOption(String functionArn, URI url) {

    public RotationFunctionOption {
        Objects.requireNonNull(functionArn, "functionArn");
        Objects.requireNonNull(url, "url");
    }

    /** Reads {@code ARN=URL}. */
    public static RotationFunctionOption parse(String text) {
        int equals = text.indexOf('=');
        if (equals <= 0 || equals == text.length() - 1) {
            throw new IllegalArgumentException("expected ARN=URL, not " + text);
        }
        return new RotationFunctionOption(text.substring(0, equals), URI.create(text.substring(equals + 1)));
    }
}
