package dev.bulwark.ssm.internal;

import dev.bulwark.core.AwsException;
import dev.bulwark.core.CommonErrors;

/**
 * Parameter Store's errors with AWS's codes and, where AWS's wording is known (recorded responses,
 * AWS documentation, messages users quote), AWS's messages. Every family throws through here so that
 * one failure always reads the same. Messages never quote a parameter value.
 */
public final class SsmErrors {
    /** The message AWS gives for most malformed names, whatever the actual fault. */
    static final String INVALID_NAME = "Parameter name: can't be prefixed with \"ssm\" (case-insensitive). If formed as a path, "
            + "it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers "
            + "and the following 3 symbols .-_";

    private SsmErrors() {
    }

    /** AWS's GetParameter, DeleteParameter and GetParameterHistory answer this without a message. */
    public static AwsException parameterNotFound() {
        return AwsException.badRequest("ParameterNotFound", null);
    }

    public static AwsException parameterNotFound(String name) {
        return AwsException.badRequest("ParameterNotFound", "Parameter " + name + " not found.");
    }

    public static AwsException secretNotFound(String referenceName) {
        return AwsException.badRequest("ParameterNotFound",
                "An error occurred (ParameterNotFound) when referencing Secrets Manager: Secret " + referenceName + " not found.");
    }

    public static AwsException versionNotFound(String name, String version) {
        return AwsException.badRequest("ParameterVersionNotFound",
                "Systems Manager could not find version " + version + " of " + name + ". Verify the version and try again.");
    }

    public static AwsException alreadyExists() {
        return AwsException.badRequest("ParameterAlreadyExists",
                "The parameter already exists. To overwrite this value, set the overwrite option in the request to true.");
    }

    public static AwsException invalidName() {
        return CommonErrors.validation(INVALID_NAME);
    }

    public static AwsException notFullyQualified() {
        return CommonErrors.validation("Parameter name must be a fully qualified name.");
    }

    public static AwsException endsWithSlash() {
        return CommonErrors.validation("Parameter name must not end with slash.");
    }

    public static AwsException reservedPrefix() {
        return CommonErrors.validation("Parameter name: can't be prefixed with \"aws\" or \"ssm\" (case-insensitive).");
    }

    public static AwsException reservedName(String name) {
        return AwsException.badRequest("AccessDeniedException", "No access to reserved parameter name: " + name + ".");
    }

    public static AwsException nameTooLong(int maximum) {
        return CommonErrors.validation("Parameter name: can't be longer than " + maximum
                + " characters, counting the ARN prefix (arn:aws:ssm:REGION:ACCOUNT:parameter/) that precedes it.");
    }

    public static AwsException hierarchyTooDeep() {
        return AwsException.badRequest("HierarchyLevelLimitExceededException",
                "A hierarchy can have a maximum of 15 levels. For more information, see Requirements and constraints for "
                        + "parameter names in the Amazon Web Services Systems Manager User Guide.");
    }

    public static AwsException invalidSelector() {
        return CommonErrors.validation(
                "Invalid parameter name. Please use correct syntax for referencing a version/label  <name>:<version/label>");
    }

    public static AwsException decryptionRequiredForSecrets() {
        return CommonErrors.validation("WithDecryption flag must be True for retrieving a Secret Manager secret.");
    }

    public static AwsException typeRequired() {
        return CommonErrors.validation("A parameter type is required when you create a parameter.");
    }

    public static AwsException typeChange() {
        return AwsException.badRequest("HierarchyTypeMismatchException",
                "Parameter Store doesn't support changing a parameter type in a hierarchy. For example, you can't change a "
                        + "parameter from a String type to a SecureString type. You must create a new, unique parameter.");
    }

    public static AwsException keyIdOnlyForSecureString() {
        return CommonErrors.validation("KeyId can only be specified for parameters of type SecureString.");
    }

    public static AwsException tagsWithOverwrite() {
        return CommonErrors.validation("Invalid request: tags and overwrite can't be used together. To create a parameter with "
                + "tags, please remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource "
                + "or RemoveTagsFromResource.");
    }

    public static AwsException unsupportedDataType(String dataType) {
        return CommonErrors.validation("The following data type is not supported: " + dataType
                + " (Data type names are all lowercase.)");
    }

    public static AwsException dataTypeNeedsStringType(String dataType) {
        return CommonErrors.validation("The data type " + dataType + " is supported only for parameters of type String.");
    }

    public static AwsException invalidImageId() {
        return CommonErrors.validation("Parameter value is not a valid image ID for data type aws:ec2:image. An image ID "
                + "has the form ami-12345abcdeEXAMPLE.");
    }

    public static AwsException invalidAllowedPattern(String detail) {
        return AwsException.badRequest("InvalidAllowedPatternException",
                "The request doesn't meet the regular expression requirement: " + detail);
    }

    public static AwsException patternMismatch(String allowedPattern) {
        return AwsException.badRequest("ParameterPatternMismatchException",
                "Parameter value, cannot be validated against allowedPattern: " + allowedPattern);
    }

    public static AwsException standardValueTooLarge() {
        return CommonErrors.validation("Standard tier parameters support a maximum parameter value of 4096 characters. To "
                + "create a larger parameter value, upgrade the parameter to use the advanced-parameter tier. For more "
                + "information, see https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html");
    }

    public static AwsException advancedValueTooLarge() {
        return CommonErrors.validation("Advanced tier parameters support a maximum parameter value of 8192 characters.");
    }

    public static AwsException tierDowngrade() {
        return CommonErrors.validation("This parameter uses the advanced-parameter tier. You can't downgrade a parameter from "
                + "the advanced-parameter tier to the standard-parameter tier. If necessary, you can delete the advanced "
                + "parameter and recreate it as a standard parameter.");
    }

    public static AwsException policiesNeedAdvancedTier() {
        return CommonErrors.validation("Parameter policies are supported only for parameters in the advanced-parameter tier.");
    }

    public static AwsException parameterLimitExceeded() {
        return AwsException.badRequest("ParameterLimitExceeded", "You have exceeded the number of parameters for this "
                + "Amazon Web Services account. Delete one or more parameters and try again.");
    }

    public static AwsException maxVersionLimitExceeded(String name, long oldestVersion) {
        return AwsException.badRequest("ParameterMaxVersionLimitExceeded", "You attempted to create a new version of "
                + name + " by calling the PutParameter API with the overwrite flag. Version " + oldestVersion
                + ", the oldest version, can't be deleted because it has a label associated with it. Move the label to "
                + "another version of the parameter, and try again.");
    }

    public static AwsException labelLimitExceeded() {
        return AwsException.badRequest("ParameterVersionLabelLimitExceeded",
                "A parameter version can have maximum 10 labels.Move one or more labels to another version and try again.");
    }

    public static AwsException invalidPolicyType() {
        return AwsException.badRequest("InvalidPolicyTypeException", "The policy type isn't supported. Parameter Store "
                + "supports the following policy types: Expiration, ExpirationNotification, and NoChangeNotification.");
    }

    public static AwsException invalidPolicyAttribute(String detail) {
        return AwsException.badRequest("InvalidPolicyAttributeException",
                "A policy attribute or its value is invalid. " + detail);
    }

    public static AwsException incompatiblePolicies() {
        return AwsException.badRequest("IncompatiblePolicyException", "There is a conflict in the policies specified for "
                + "this parameter. You can't, for example, specify two Expiration policies for a parameter. Review your "
                + "policies, and try again.");
    }

    public static AwsException tooManyPolicies() {
        return AwsException.badRequest("PoliciesLimitExceededException", "You specified more than the maximum number of "
                + "allowed policies for the parameter. The maximum is 10.");
    }

    /** KMS does not know the key a PutParameter named; KMS's own message says which. */
    public static AwsException invalidKeyId(String message) {
        return AwsException.badRequest("InvalidKeyId", message);
    }

    public static AwsException tooManyUpdates() {
        return AwsException.badRequest("TooManyUpdates",
                "There are concurrent updates for a resource that supports one update at a time.");
    }

    public static AwsException invalidNextToken() {
        return AwsException.badRequest("InvalidNextToken", "The specified token isn't valid.");
    }

    public static AwsException invalidFilterKey(String message) {
        return AwsException.badRequest("InvalidFilterKey", message);
    }

    public static AwsException invalidFilterOption(String message) {
        return AwsException.badRequest("InvalidFilterOption", message);
    }

    public static AwsException invalidFilterValue(String message) {
        return AwsException.badRequest("InvalidFilterValue", message);
    }

    public static AwsException invalidResourceId() {
        return AwsException.badRequest("InvalidResourceId", null);
    }

    public static AwsException tooManyTags() {
        return AwsException.badRequest("TooManyTagsError", "A parameter can have at most 50 tags.");
    }

    public static AwsException reservedTagKey() {
        return CommonErrors.validation("Tag keys beginning with aws: are reserved for AWS use.");
    }

    public static AwsException serviceSettingNotFound(String settingId) {
        return AwsException.badRequest("ServiceSettingNotFound",
                "The specified service setting wasn't found: " + settingId);
    }

    public static AwsException invalidSettingValue(String settingId, String value, String allowed) {
        return CommonErrors.validation("The value " + value + " is not valid for the setting " + settingId
                + ". Valid values: " + allowed + ".");
    }
}
