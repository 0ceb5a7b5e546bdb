package dev.bulwark.ssm;

import dev.bulwark.core.call.Caller;
import dev.bulwark.crypto.SecretBytes;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What Parameter Store needs of Secrets Manager to answer GetParameter and GetParameters for
 * {@code /aws/reference/secretsmanager/<secret id>[:<version id or staging label>]}: the secret's
 * value, read as the caller, so that the secret's resource policy, the caller's
 * {@code secretsmanager:GetSecretValue} permission and its key's policy decide, as in AWS. Parameter
 * Store keeps nothing of what it reads.
 */
@FunctionalInterface
public interface SecretReader {

    /**
     * A secret as Parameter Store returns it.
     *
     * @param arn              the secret's ARN, which the parameter's ARN becomes
     * @param value            the SecretString of the version read (for a binary secret, its base64)
     * @param lastModifiedDate when that version was created
     * @param sourceResult     the secret's description as Secrets Manager's DescribeSecret gives it, as
     *                         JSON text (AWS's SourceResult); never the value
     */
    record ReferencedSecret(String arn, SecretBytes value, Instant lastModifiedDate, String sourceResult) {

        public ReferencedSecret {
            Objects.requireNonNull(arn, "arn");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(lastModifiedDate, "lastModifiedDate");
            Objects.requireNonNull(sourceResult, "sourceResult");
        }
    }

    /**
     * Reads a secret as the caller; empty when the secret, or the version the selector names, does
     * not exist. Access failures are thrown as the AWS errors Secrets Manager or KMS answer.
     *
     * @param secretId         the secret's name or ARN
     * @param versionIdOrStage a version id or a staging label ({@code AWSPREVIOUS}); empty for AWSCURRENT
     */
    Optional<ReferencedSecret> read(Caller caller, String secretId, Optional<String> versionIdOrStage);

    /** For a server without Secrets Manager: no secret exists. */
    SecretReader NONE = (caller, secretId, versionIdOrStage) -> Optional.empty();
}
