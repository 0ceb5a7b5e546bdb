package dev.bulwark.sts.internal;

import dev.bulwark.core.AwsException;
import dev.bulwark.core.CommonErrors;

/** STS's errors, with the codes and statuses of its model. */
final class StsErrors {
    private StsErrors() {
    }

    static AwsException validation(String message) {
        return AwsException.badRequest("ValidationError", message);
    }

    static AwsException malformedPolicyDocument(String message) {
        return AwsException.badRequest("MalformedPolicyDocument", message);
    }

    static AwsException packedPolicyTooLarge(int percent) {
        return AwsException.badRequest("PackedPolicyTooLarge",
                "Packed policy consumes " + percent + "% of allotted space, please use smaller policy.");
    }

    static AwsException invalidParameterValue(String message) {
        return AwsException.badRequest("InvalidParameterValue", message);
    }

    /** Bulwark has no MFA devices, so no MFA code can be right. */
    static AwsException mfaFailed() {
        return CommonErrors.accessDenied("MultiFactorAuthentication failed with invalid MFA one time pass code.");
    }
}
