package dev.bulwark.iam;

/**
 * Checks a policy document before IAM or STS stores or uses it, and refuses a malformed one
 * with AWS's {@code MalformedPolicyDocument} error and message.
 *
 * <p>The policy engine's parser implements it once it is merged; until then
 * {@link #structural()} checks the grammar's structure (see its class for what it covers).
 * Wiring the engine in is one line where the server builds the IAM and STS services.
 */
@FunctionalInterface
public interface PolicyDocumentValidator {

    /** Where a document is used, which decides the elements it must and must not have. */
    enum Kind {
        /** Inline and managed policies of users, groups and roles: no Principal, Resource required. */
        IDENTITY,
        /** A role's trust policy: Principal required, no Resource. */
        TRUST,
        /** A session policy passed to AssumeRole: as an identity policy. */
        SESSION
    }

    /**
     * Validates a document.
     *
     * @throws dev.bulwark.core.AwsException {@code MalformedPolicyDocument} with AWS's message
     */
    void validate(String document, Kind kind);

    /** The interim validator, until the policy engine's parser is wired in. */
    static PolicyDocumentValidator structural() {
        return new dev.bulwark.iam.internal.StructuralPolicyValidator();
    }
}
