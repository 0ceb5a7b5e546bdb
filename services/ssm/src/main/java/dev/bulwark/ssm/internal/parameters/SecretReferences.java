package dev.bulwark.ssm.internal.parameters;

import dev.bulwark.core.call.Caller;
import dev.bulwark.crypto.InsecureSecretAccess;
import dev.bulwark.ssm.SecretReader;
import dev.bulwark.ssm.SecretReader.ReferencedSecret;
import dev.bulwark.ssm.internal.SsmErrors;
import dev.bulwark.ssm.internal.SsmScope;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.services.ssm.model.Parameter;

/**
 * Secrets Manager secrets read through Parameter Store:
 * {@code /aws/reference/secretsmanager/<secret id>[:<version id or staging label>]}. AWS answers
 * these in GetParameter and GetParameters only, with WithDecryption required, as a SecureString of
 * version 0 whose ARN is the secret's and whose SourceResult is the secret's description. Parameter
 * Store keeps nothing: every read goes to Secrets Manager as the caller ({@link SecretReader}), after
 * the caller's {@code ssm:GetParameter} (or {@code ssm:GetParameters}) on the reference's own ARN.
 */
final class SecretReferences {
    static final String PREFIX = "/aws/reference/secretsmanager/";

    private final SecretReader secrets;

    SecretReferences(SecretReader secrets) {
        this.secrets = secrets;
    }

    static boolean isReference(String rawName) {
        return rawName != null && rawName.strip().startsWith(PREFIX);
    }

    /**
     * Reads a referenced secret; empty when it does not exist.
     *
     * @param action the calling operation's IAM action ({@code ssm:GetParameter})
     */
    Optional<Parameter> find(Caller caller, String rawName, boolean withDecryption, String action) {
        String name = rawName.strip();
        String[] parts = name.substring(PREFIX.length()).split(":", -1);
        if (parts.length > 2 || (parts.length == 2 && parts[1].isEmpty())) {
            throw SsmErrors.invalidSelector();
        }
        if (!withDecryption) {
            throw SsmErrors.decryptionRequiredForSecrets();
        }
        String reference = PREFIX + parts[0];
        caller.authorize(action, SsmScope.of(caller).parameterArn(reference));
        if (parts[0].isEmpty()) {
            return Optional.empty();
        }
        Optional<String> selector = parts.length == 2 ? Optional.of(parts[1]) : Optional.empty();
        return secrets.read(caller, parts[0], selector).map(secret -> parameter(reference, selector, secret));
    }

    /** Reads a referenced secret for GetParameter, which answers ParameterNotFound for a missing one. */
    Parameter read(Caller caller, String rawName, boolean withDecryption) {
        return find(caller, rawName, withDecryption, "ssm:GetParameter")
                .orElseThrow(() -> SsmErrors.secretNotFound(rawName.strip()));
    }

    private static Parameter parameter(String reference, Optional<String> selector, ReferencedSecret secret) {
        return Parameter.builder()
                .name(reference)
                .type("SecureString")
                .value(new String(secret.value().toByteArray(InsecureSecretAccess.get()), StandardCharsets.UTF_8))
                .version(0L)
                .selector(selector.map(text -> ":" + text).orElse(null))
                .sourceResult(secret.sourceResult())
                .lastModifiedDate(secret.lastModifiedDate())
                .arn(secret.arn())
                .dataType("text")
                .build();
    }
}
