package dev.bulwark.ssm.internal.parameters;

import dev.bulwark.ssm.internal.ParameterVersion;
import dev.bulwark.ssm.internal.StoredParameter;
import java.util.List;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;
import software.amazon.awssdk.services.ssm.model.ParameterInlinePolicy;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;

/** The SDK shapes responses show parameters in, made from the stored records. */
final class ParameterViews {
    private ParameterViews() {
    }

    /** A parameter as GetParameter, GetParameters and GetParametersByPath show it. */
    static Parameter parameter(String name, ParameterVersion version, String value, String arn, String selector) {
        return Parameter.builder()
                .name(name)
                .type(version.type())
                .value(value)
                .version(version.version())
                .selector(selector)
                .lastModifiedDate(version.lastModifiedDate())
                .arn(arn)
                .dataType(version.dataType())
                .build();
    }

    /** A parameter as DescribeParameters shows it: everything but the value. */
    static ParameterMetadata metadata(StoredParameter parameter, String arn) {
        ParameterVersion current = parameter.current();
        return ParameterMetadata.builder()
                .name(parameter.record().name())
                .arn(arn)
                .type(current.type())
                .keyId(current.keyId())
                .lastModifiedDate(current.lastModifiedDate())
                .lastModifiedUser(current.lastModifiedUser())
                .description(current.description())
                .allowedPattern(current.allowedPattern())
                .version(current.version())
                .tier(current.tier())
                .policies(policies(current))
                .dataType(current.dataType())
                .build();
    }

    /** One version as GetParameterHistory shows it. */
    static ParameterHistory history(String name, ParameterVersion version, String value, List<String> labels) {
        return ParameterHistory.builder()
                .name(name)
                .type(version.type())
                .keyId(version.keyId())
                .lastModifiedDate(version.lastModifiedDate())
                .lastModifiedUser(version.lastModifiedUser())
                .description(version.description())
                .value(value)
                .allowedPattern(version.allowedPattern())
                .version(version.version())
                .labels(labels)
                .tier(version.tier())
                .policies(policies(version))
                .dataType(version.dataType())
                .build();
    }

    private static List<ParameterInlinePolicy> policies(ParameterVersion version) {
        return version.policies().stream()
                .map(policy -> ParameterInlinePolicy.builder()
                        .policyText(policy.text())
                        .policyType(policy.type())
                        .policyStatus(policy.status())
                        .build())
                .toList();
    }
}
