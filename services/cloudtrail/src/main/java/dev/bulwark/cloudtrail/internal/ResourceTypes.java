package dev.bulwark.cloudtrail.internal;

import dev.bulwark.core.Arn;
import java.util.Locale;
import java.util.Map;

/**
 * The CloudFormation-style resource type CloudTrail gives each resource of an event
 * ({@code AWS::KMS::Key}), from the resource's ARN. Services and resource kinds Bulwark serves are
 * listed with AWS's spelling; any other is named from the ARN's service and resource kind.
 */
final class ResourceTypes {
    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("kms:key", "AWS::KMS::Key"),
            Map.entry("kms:alias", "AWS::KMS::Alias"),
            Map.entry("cloudtrail:trail", "AWS::CloudTrail::Trail"),
            Map.entry("iam:user", "AWS::IAM::User"),
            Map.entry("iam:role", "AWS::IAM::Role"),
            Map.entry("iam:group", "AWS::IAM::Group"),
            Map.entry("iam:policy", "AWS::IAM::Policy"),
            Map.entry("iam:root", "AWS::IAM::User"),
            Map.entry("sts:assumed-role", "AWS::STS::AssumedRole"),
            Map.entry("secretsmanager:secret", "AWS::SecretsManager::Secret"),
            Map.entry("ssm:parameter", "AWS::SSM::Parameter"),
            Map.entry("wafv2:regional", "AWS::WAFv2::WebACL"),
            Map.entry("guardduty:detector", "AWS::GuardDuty::Detector"),
            Map.entry("cloudhsm:cluster", "AWS::CloudHSM::Cluster"));

    private ResourceTypes() {
    }

    static String of(Arn arn) {
        String kind = kind(arn.resource());
        String known = KNOWN.get(arn.service() + ":" + kind);
        return known != null ? known : "AWS::" + capitalized(arn.service()) + "::" + capitalized(kind);
    }

    /** {@code key/1234} and {@code secret:name} are of kinds {@code key} and {@code secret}. */
    private static String kind(String resource) {
        int end = 0;
        while (end < resource.length() && resource.charAt(end) != '/' && resource.charAt(end) != ':') {
            end++;
        }
        return resource.substring(0, end);
    }

    private static String capitalized(String word) {
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
