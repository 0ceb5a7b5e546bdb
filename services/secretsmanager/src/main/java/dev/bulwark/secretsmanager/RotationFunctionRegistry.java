package dev.bulwark.secretsmanager;

import dev.bulwark.crypto.SecretBytes;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rotation functions Bulwark may invoke over HTTP, by the Lambda-style ARN a secret's
 * RotationLambdaARN names ({@code arn:aws:lambda:REGION:ACCOUNT:function:NAME}). Each is an URL
 * that receives Lambda's rotation event as a JSON POST, signed with the function's own key (see
 * docs/services/secretsmanager.md for the signature and how to verify it). The server builds the
 * registry from its configuration.
 */
public final class RotationFunctionRegistry {

    /** One HTTP rotation function: its ARN, its URL and the key its requests are signed with. */
    public record Registration(String functionArn, URI url, SecretBytes signingKey) {
        public Registration {
            Objects.requireNonNull(functionArn, "functionArn");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(signingKey, "signingKey");
            if (!functionArn.startsWith("arn:") || !functionArn.contains(":lambda:") || !functionArn.contains(":function:")) {
                throw new IllegalArgumentException("A rotation function is named by a Lambda function ARN, not " + functionArn);
            }
            String scheme = url.getScheme();
            if (!"http".equals(scheme) && !"https".equals(scheme)) {
                throw new IllegalArgumentException("A rotation function's URL is http or https, not " + url);
            }
        }
    }

    private static final RotationFunctionRegistry EMPTY = new RotationFunctionRegistry(List.of());

    private final Map<String, Registration> byArn;

    private RotationFunctionRegistry(List<Registration> registrations) {
        this.byArn = registrations.stream().collect(Collectors.toUnmodifiableMap(Registration::functionArn, Function.identity()));
    }

    public static RotationFunctionRegistry of(List<Registration> registrations) {
        return new RotationFunctionRegistry(registrations);
    }

    public static RotationFunctionRegistry empty() {
        return EMPTY;
    }

    public Optional<Registration> find(String functionArn) {
        return Optional.ofNullable(byArn.get(functionArn));
    }
}
