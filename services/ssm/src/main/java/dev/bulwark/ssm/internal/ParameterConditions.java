package dev.bulwark.ssm.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ssm.model.Tag;

/**
 * The condition keys Parameter Store offers the authorizer, as IAM policies test them: the
 * parameter's tags ({@code ssm:resourceTag/<key>} and {@code aws:ResourceTag/<key>}), and for
 * PutParameter {@code ssm:Overwrite} and the request's tags ({@code aws:RequestTag/<key>},
 * {@code aws:TagKeys}); for GetParametersByPath {@code ssm:Recursive}. Only what the request and the
 * parameter already tell is offered; global keys are the authorizer's.
 *
 * <p>Operations on one parameter therefore read it before they authorize, so that its tags are
 * known; a parameter that does not exist is authorized without tags, and only then reported
 * missing, so an unauthorized caller learns nothing of it.
 */
public final class ParameterConditions {
    private ParameterConditions() {
    }

    /** The conditions of a call on a parameter, which may not exist. */
    public static Map<String, List<String>> of(Optional<ParameterRecord> parameter) {
        Map<String, List<String>> conditions = new LinkedHashMap<>();
        parameter.ifPresent(record -> record.tags().forEach((key, value) -> {
            conditions.put("ssm:resourceTag/" + key, List.of(value));
            conditions.put("aws:ResourceTag/" + key, List.of(value));
        }));
        return conditions;
    }

    public static Map<String, List<String>> forPut(Optional<ParameterRecord> existing, boolean overwrite, List<Tag> tags) {
        Map<String, List<String>> conditions = of(existing);
        conditions.put("ssm:Overwrite", List.of(Boolean.toString(overwrite)));
        if (!tags.isEmpty()) {
            tags.forEach(tag -> conditions.put("aws:RequestTag/" + tag.key(), List.of(tag.value())));
            conditions.put("aws:TagKeys", tags.stream().map(Tag::key).distinct().toList());
        }
        return conditions;
    }

    public static Map<String, List<String>> forPath(boolean recursive) {
        return Map.of("ssm:Recursive", List.of(Boolean.toString(recursive)));
    }
}
