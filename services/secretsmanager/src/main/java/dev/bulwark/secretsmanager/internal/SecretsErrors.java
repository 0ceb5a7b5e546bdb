package dev.bulwark.secretsmanager.internal;

import dev.bulwark.core.AwsException;
import dev.bulwark.core.CommonErrors;

/**
 * Secrets Manager's errors with AWS's codes and, where AWS's wording is known (the recorded
 * responses under reference/aws-recorded, AWS documentation), AWS's messages. Every operation
 * throws through here so that one failure always reads the same.
 */
public final class SecretsErrors {
    private SecretsErrors() {
    }

    public static AwsException secretNotFound() {
        return AwsException.badRequest("ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
    }

    public static AwsException stageNotFound(String stage) {
        return AwsException.badRequest("ResourceNotFoundException",
                "Secrets Manager can't find the specified secret value for staging label: " + stage);
    }

    public static AwsException versionNotFound(String versionId) {
        return AwsException.badRequest("ResourceNotFoundException",
                "Secrets Manager can't find the specified secret value for VersionId: " + versionId);
    }

    public static AwsException stageNotOnVersion() {
        return invalidRequest("You provided a VersionStage that is not associated to the provided VersionId.");
    }

    public static AwsException markedForDeletion() {
        return invalidRequest("You can't perform this operation on the secret because it was marked for deletion.");
    }

    public static AwsException nameScheduledForDeletion() {
        return invalidRequest("You can't create this secret because a secret with this name is already scheduled for deletion.");
    }

    public static AwsException alreadyExists(String name) {
        return AwsException.badRequest("ResourceExistsException",
                "The operation failed because the secret " + name + " already exists.");
    }

    /** A ClientRequestToken naming an existing version with another value: versions never change. */
    public static AwsException versionExists() {
        return AwsException.badRequest("ResourceExistsException",
                "You can't modify an existing version, you can only create new versions.");
    }

    public static AwsException invalidName() {
        return CommonErrors.validation(
                "Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!");
    }

    public static AwsException missingClientRequestToken(String code) {
        return AwsException.badRequest(code, "You must provide a ClientRequestToken value. We recommend a UUID-type value.");
    }

    public static AwsException onReplica() {
        return invalidRequest("Operation not permitted on a replica secret. Call must be made in primary secret's region.");
    }

    public static AwsException defaultKeyAcrossAccounts() {
        return invalidRequest(
                "You can't access a secret from a different AWS account if you encrypt the secret with the default KMS service key.");
    }

    public static AwsException noRotationFunction() {
        return invalidRequest("No Lambda rotation function ARN is associated with this secret.");
    }

    /** What AWS answers for a rotation function it cannot invoke, which for Bulwark is one not registered. */
    public static AwsException cannotInvokeFunction() {
        return AwsException.badRequest("AccessDeniedException",
                "Secrets Manager cannot invoke the specified Lambda function. Ensure that the function policy grants access"
                        + " to the principal secretsmanager.amazonaws.com.");
    }

    /**
     * What AWS answers when KMS refuses the caller the secret's key: KMS's own reason (who may not do
     * what on which key) stays in the KMS call's audit record and is not repeated here.
     */
    public static AwsException kmsAccessDenied() {
        return AwsException.badRequest("AccessDeniedException", "Access to KMS is not allowed");
    }

    public static AwsException rotationInProgress() {
        return invalidRequest("A previous rotation isn't complete. That rotation will be reattempted.");
    }

    public static AwsException invalidParameter(String message) {
        return AwsException.badRequest("InvalidParameterException", message);
    }

    public static AwsException invalidRequest(String message) {
        return AwsException.badRequest("InvalidRequestException", message);
    }

    public static AwsException limitExceeded(String message) {
        return AwsException.badRequest("LimitExceededException", message);
    }

    public static AwsException malformedPolicy(String message) {
        return AwsException.badRequest("MalformedPolicyDocumentException", message);
    }

    public static AwsException publicPolicy() {
        return AwsException.badRequest("PublicPolicyException",
                "BlockPublicPolicy is enabled and the resource policy allows broad access to the secret.");
    }

    public static AwsException invalidNextToken() {
        return AwsException.badRequest("InvalidNextTokenException", "The NextToken value is invalid.");
    }

    public static AwsException encryptionFailure(String kmsMessage) {
        return AwsException.badRequest("EncryptionFailure", kmsMessage);
    }

    public static AwsException decryptionFailure(String kmsMessage) {
        return AwsException.badRequest("DecryptionFailure", kmsMessage);
    }
}
