package dev.bulwark.iam.internal;

import dev.bulwark.core.AwsException;

/** IAM's errors, with the codes and HTTP statuses of its model. */
final class IamErrors {
    private IamErrors() {
    }

    static AwsException noSuchEntity(String message) {
        return new AwsException("NoSuchEntity", 404, message);
    }

    static AwsException entityAlreadyExists(String message) {
        return new AwsException("EntityAlreadyExists", 409, message);
    }

    static AwsException deleteConflict(String message) {
        return new AwsException("DeleteConflict", 409, message);
    }

    static AwsException limitExceeded(String message) {
        return new AwsException("LimitExceeded", 409, message);
    }

    /** AWS's quota message: {@code Cannot exceed quota for AccessKeysPerUser: 2}. */
    static AwsException quota(String quotaName, int limit) {
        return limitExceeded("Cannot exceed quota for " + quotaName + ": " + limit);
    }

    static AwsException invalidInput(String message) {
        return AwsException.badRequest("InvalidInput", message);
    }

    static AwsException malformedPolicyDocument(String message) {
        return AwsException.badRequest("MalformedPolicyDocument", message);
    }

    static AwsException validation(String message) {
        return AwsException.badRequest("ValidationError", message);
    }
}
