package dev.bulwark.kms.internal;

import dev.bulwark.core.AwsException;
import dev.bulwark.core.call.Caller;

/**
 * KMS's errors with AWS's codes and, where AWS's wording is known (the recorded responses under
 * reference/aws-recorded, AWS documentation), AWS's messages. Every family throws through here so
 * that one failure always reads the same.
 */
public final class KmsErrors {
    private KmsErrors() {
    }

    /** {@code Key 'arn:aws:kms:us-east-1:111122223333:key/...' does not exist} */
    public static AwsException keyNotFound(String keyArn) {
        return AwsException.badRequest("NotFoundException", "Key '" + keyArn + "' does not exist");
    }

    public static AwsException notFound(String message) {
        return AwsException.badRequest("NotFoundException", message);
    }

    /** A KeyId that is neither a UUID nor a multi-Region key id: {@code Invalid keyId 'fake-key-id'}. */
    public static AwsException invalidKeyId(String keyId) {
        return AwsException.badRequest("NotFoundException", "Invalid keyId '" + keyId + "'");
    }

    /** A key or alias ARN naming another region than the request's: {@code Invalid arn us-west-2}. */
    public static AwsException arnInOtherRegion(String region) {
        return AwsException.badRequest("NotFoundException", "Invalid arn " + region);
    }

    /** {@code Alias arn:aws:kms:us-east-1:111122223333:alias/x is not found.} */
    public static AwsException aliasNotFound(String aliasArn) {
        return AwsException.badRequest("NotFoundException", "Alias " + aliasArn + " is not found.");
    }

    public static AwsException invalidArn(String message) {
        return AwsException.badRequest("InvalidArnException", message);
    }

    /** An alias given where the operation takes only a key id or key ARN (AWS's CreateGrant wording). */
    public static AwsException aliasNotAccepted() {
        return invalidArn("Key Aliases are not supported for this operation.");
    }

    /** {@code arn:... is disabled.} */
    public static AwsException disabled(String keyArn) {
        return AwsException.badRequest("DisabledException", keyArn + " is disabled.");
    }

    public static AwsException invalidState(String message) {
        return AwsException.badRequest("KMSInvalidStateException", message);
    }

    public static AwsException keyUnavailable(String keyArn) {
        return AwsException.badRequest("KeyUnavailableException", keyArn + " is unavailable.");
    }

    /** {@code arn:... key usage is SIGN_VERIFY which is not valid for Encrypt.} */
    public static AwsException wrongKeyUsage(String keyArn, String keyUsage, String operation) {
        return invalidKeyUsage(keyArn + " key usage is " + keyUsage + " which is not valid for " + operation + ".");
    }

    /**
     * A key of the right usage but the wrong spec for the operation (GenerateDataKey under an RSA
     * key); worded like AWS's key usage message, which AWS's own wording for this case is not known to differ from.
     */
    public static String wrongKeySpecMessage(String keyArn, String keySpec, String operation) {
        return keyArn + " key spec is " + keySpec + " which is not valid for " + operation + ".";
    }

    /** {@code Algorithm HMAC_SHA_256 is incompatible with key spec HMAC_224.} */
    public static AwsException algorithmIncompatible(String algorithm, String keySpec) {
        return invalidKeyUsage("Algorithm " + algorithm + " is incompatible with key spec " + keySpec + ".");
    }

    public static AwsException invalidKeyUsage(String message) {
        return AwsException.badRequest("InvalidKeyUsageException", message);
    }

    /** A KeyId in Decrypt or ReEncrypt that is not the key the ciphertext was made with. */
    public static AwsException incorrectKey() {
        return AwsException.badRequest("IncorrectKeyException",
                "The key ID in the request does not identify a CMK that can perform this operation.");
    }

    /** Says nothing about why, as AWS says nothing: the reason would help an attacker. */
    public static AwsException invalidCiphertext() {
        return AwsException.badRequest("InvalidCiphertextException", null);
    }

    /** Verify of a signature that does not verify; like AWS, without a message. */
    public static AwsException invalidSignature() {
        return AwsException.badRequest("KMSInvalidSignatureException", null);
    }

    /** VerifyMac of a MAC that does not verify; like AWS, without a message. */
    public static AwsException invalidMac() {
        return AwsException.badRequest("KMSInvalidMacException", null);
    }

    public static AwsException invalidAliasName(String message) {
        return AwsException.badRequest("InvalidAliasNameException", message);
    }

    public static AwsException alreadyExists(String message) {
        return AwsException.badRequest("AlreadyExistsException", message);
    }

    public static AwsException tag(String message) {
        return AwsException.badRequest("TagException", message);
    }

    public static AwsException malformedPolicy(String message) {
        return AwsException.badRequest("MalformedPolicyDocumentException", message);
    }

    public static AwsException unsupportedOperation(String message) {
        return AwsException.badRequest("UnsupportedOperationException", message);
    }

    public static AwsException customKeyStoreNotFound() {
        return AwsException.badRequest("CustomKeyStoreNotFoundException", null);
    }

    /** The cluster of a CloudHSM key store does not exist (Bulwark's wording; AWS's is not recorded). */
    public static AwsException cloudHsmClusterNotFound(String clusterId) {
        return AwsException.badRequest("CloudHsmClusterNotFoundException",
                "The CloudHSM cluster " + clusterId + " does not exist in this account and Region.");
    }

    public static AwsException xksProxyUriUnreachable(String message) {
        return AwsException.badRequest("XksProxyUriUnreachableException", message);
    }

    public static AwsException xksProxyVpcEndpointServiceNotFound(String message) {
        return AwsException.badRequest("XksProxyVpcEndpointServiceNotFoundException", message);
    }

    /** {@code arn:... origin is AWS_KMS which is not valid for this operation.} (import operations, recorded) */
    public static AwsException originNotValid(String keyArn, KeyOrigin origin) {
        return unsupportedOperation(keyArn + " origin is " + origin + " which is not valid for this operation.");
    }

    /** {@code arn:... is not a multi-region primary key.} (ReplicateKey on a replica, recorded) */
    public static AwsException notMultiRegionPrimary(String keyArn) {
        return unsupportedOperation(keyArn + " is not a multi-region primary key.");
    }

    /** A KeyMaterialId that names no material of the key (Bulwark's wording; AWS's is not recorded). */
    public static AwsException keyMaterialNotFound(String keyArn, String materialId) {
        return AwsException.badRequest("NotFoundException", "Key material '" + materialId + "' of " + keyArn + " does not exist");
    }

    public static AwsException conflict(String message) {
        return AwsException.badRequest("ConflictException", message);
    }

    public static AwsException incorrectKeyMaterial(String message) {
        return AwsException.badRequest("IncorrectKeyMaterialException", message);
    }

    public static AwsException expiredImportToken() {
        return AwsException.badRequest("ExpiredImportTokenException",
                "The import token has expired. Use GetParametersForImport to get a new import token and public key.");
    }

    public static AwsException invalidImportToken() {
        return AwsException.badRequest("InvalidImportTokenException",
                "The import token is not valid for this KMS key, or it was already used.");
    }

    public static AwsException invalidMarker() {
        return AwsException.badRequest("InvalidMarkerException",
                "The marker that specifies where pagination should next begin is not valid.");
    }

    /** A GrantToken or GrantTokens member that is not a grant token KMS issued. */
    public static AwsException invalidGrantToken() {
        return AwsException.badRequest("InvalidGrantTokenException", "Invalid grant token.");
    }

    /** A GrantId that is not the id of a grant of the key: {@code Invalid grant ID 'x'}. */
    public static AwsException invalidGrantId(String grantId) {
        return AwsException.badRequest("InvalidGrantIdException", "Invalid grant ID '" + grantId + "'");
    }

    /** A request that would pass a quota (grants per key, key policy size). */
    public static AwsException limitExceeded(String message) {
        return AwsException.badRequest("LimitExceededException", message);
    }

    /** Names under {@code alias/aws/} belong to AWS managed keys; moto and AWS answer this code. */
    public static AwsException reservedAlias() {
        return AwsException.badRequest("NotAuthorizedException", null);
    }

    public static AwsException dryRun() {
        return AwsException.badRequest("DryRunOperationException",
                "The request would have succeeded, but the DryRun option is set.");
    }

    /**
     * What a key policy that does not allow the action produces. AWS managed keys' policies let
     * the account describe them but not manage them; until key policies are evaluated by the
     * authorizer, KMS refuses those calls itself with the same answer.
     */
    public static AwsException accessDenied(Caller caller, String action, String resourceArn) {
        return AwsException.badRequest("AccessDeniedException", "User: " + caller.principal().arn()
                + " is not authorized to perform: " + action + " on resource: " + resourceArn
                + " because no resource-based policy allows the " + action + " action");
    }
}
