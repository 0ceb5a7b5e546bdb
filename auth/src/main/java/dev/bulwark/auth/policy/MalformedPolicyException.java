package dev.bulwark.auth.policy;

/**
 * A policy document that is not valid. The message is AWS's ("Syntax errors in policy.",
 * "Policy document should not specify a principal.", ...), as IAM's MalformedPolicyDocument
 * error carries it; each service wraps it in its own error code (IAM
 * {@code MalformedPolicyDocument}, KMS and Secrets Manager
 * {@code MalformedPolicyDocumentException}).
 */
public final class MalformedPolicyException extends RuntimeException {

    MalformedPolicyException(String awsMessage) {
        super(awsMessage, null, false, false);
    }
}
