package dev.bulwark.cloudtrail.internal;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.AwsException;
import dev.bulwark.core.Region;

/**
 * CloudTrail's errors, with AWS's codes (all HTTP 400) and, where AWS's wording is known, its
 * messages. Where it is not, the message is the exception's description from the AWS API
 * reference, or a plain statement of the rule that was broken (docs/services/cloudtrail.md
 * lists which).
 */
final class CloudTrailErrors {
    private CloudTrailErrors() {
    }

    static AwsException trailNotFound(AccountId account, String trailArn) {
        return AwsException.badRequest("TrailNotFoundException",
                "Unknown trail: " + trailArn + " for the user: " + account);
    }

    static AwsException trailAlreadyExists(AccountId account, String name) {
        return AwsException.badRequest("TrailAlreadyExistsException",
                "Trail " + name + " already exists for customer: " + account);
    }

    static AwsException invalidTrailName(String message) {
        return AwsException.badRequest("InvalidTrailNameException", message);
    }

    static AwsException maximumTrails(AccountId account, Region region, int limit) {
        return AwsException.badRequest("MaximumNumberOfTrailsExceededException",
                "User: " + account + " already has " + limit + " trails in " + region + ".");
    }

    static AwsException invalidHomeRegion() {
        return AwsException.badRequest("InvalidHomeRegionException",
                "This operation must be called from the Region in which the trail was created.");
    }

    static AwsException arnInWrongRegion(Region region) {
        return AwsException.badRequest("CloudTrailARNInvalidException",
                "Region in ARN is wrong, you can only access resources in region " + region + ".");
    }

    static AwsException invalidArn(String arn) {
        return AwsException.badRequest("CloudTrailARNInvalidException",
                "Invalid trail ARN: " + arn + ". The format of a trail ARN is"
                        + " arn:aws:cloudtrail:us-east-2:123456789012:trail/MyTrail.");
    }

    static AwsException parameterCombination(String message) {
        return AwsException.badRequest("InvalidParameterCombinationException", message);
    }

    static AwsException invalidParameter(String message) {
        return AwsException.badRequest("InvalidParameterException", message);
    }

    static AwsException invalidBucketName(String bucket) {
        return AwsException.badRequest("InvalidS3BucketNameException", "Invalid S3 bucket name: " + bucket);
    }

    static AwsException invalidPrefix(String prefix) {
        return AwsException.badRequest("InvalidS3PrefixException", "Invalid S3 prefix: " + prefix);
    }

    static AwsException invalidSnsTopicName(String topic) {
        return AwsException.badRequest("InvalidSnsTopicNameException", "Invalid SNS topic name: " + topic);
    }

    static AwsException organizationsNotInUse() {
        return AwsException.badRequest("OrganizationsNotInUseException",
                "This request is made from an account that is not a member of an organization.");
    }

    static AwsException tagsLimitExceeded() {
        return AwsException.badRequest("TagsLimitExceededException",
                "The number of tags per trail has exceeded the permitted amount. Currently, the limit is 50.");
    }

    static AwsException invalidTag(String message) {
        return AwsException.badRequest("InvalidTagParameterException", message);
    }

    static AwsException resourceNotFound(String resourceId) {
        return AwsException.badRequest("ResourceNotFoundException", "Resource " + resourceId + " was not found.");
    }

    static AwsException invalidEventSelectors(String message) {
        return AwsException.badRequest("InvalidEventSelectorsException", message);
    }

    static AwsException unsupported(String message) {
        return AwsException.badRequest("UnsupportedOperationException", message);
    }

    static AwsException invalidLookupAttributes(String message) {
        return AwsException.badRequest("InvalidLookupAttributesException", message);
    }

    static AwsException invalidTimeRange() {
        return AwsException.badRequest("InvalidTimeRangeException",
                "Start time must be before end time, and both must be in the valid range.");
    }

    static AwsException invalidMaxResults() {
        return AwsException.badRequest("InvalidMaxResultsException", "MaxResults must be between 1 and 50.");
    }

    static AwsException invalidNextToken() {
        return AwsException.badRequest("InvalidNextTokenException",
                "The NextToken is not valid, or was issued for a request with other parameters.");
    }

    static AwsException invalidEventCategory(String category) {
        return AwsException.badRequest("InvalidEventCategoryException",
                "Event category " + category + " is not valid. The only valid value is insight.");
    }
}
