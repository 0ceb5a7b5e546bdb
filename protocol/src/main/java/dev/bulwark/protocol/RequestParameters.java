package dev.bulwark.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.protocol.json.JsonShapeWriter;
import dev.bulwark.protocol.shape.SensitiveMembers;
import java.util.Locale;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Renders a request (or response) as the JSON tree an audit record stores, CloudTrail
 * style: members in lower camel case ({@code keyId}, {@code encryptionContext}) at every
 * level, members AWS marks sensitive left out, everything else as on the JSON wire.
 */
public final class RequestParameters {
    private static final JsonShapeWriter WITHOUT_SENSITIVE = new JsonShapeWriter(
            RequestParameters::lowerCamel, (owner, member) -> !SensitiveMembers.isSensitive(owner, member));

    private RequestParameters() {
    }

    /** The model's members, without those AWS marks sensitive. */
    public static ObjectNode of(SdkPojo model) {
        return WITHOUT_SENSITIVE.toTree(model);
    }

    /** The model's members that {@code include} keeps; the caller decides about sensitive ones. */
    public static ObjectNode of(SdkPojo model, JsonShapeWriter.MemberFilter include) {
        return new JsonShapeWriter(RequestParameters::lowerCamel, include).toTree(model);
    }

    /** {@code KeyId} becomes {@code keyId}; a leading acronym is lowered whole: {@code ARN} becomes {@code arn}. */
    static String lowerCamel(SdkField<?> field) {
        String name = field.memberName();
        int upper = 0;
        while (upper < name.length() && Character.isUpperCase(name.charAt(upper))) {
            upper++;
        }
        if (upper == 0) {
            return name;
        }
        // In "SSEType" the last capital starts the next word: "sseType".
        int lowered = upper == name.length() || upper == 1 ? upper : upper - 1;
        return name.substring(0, lowered).toLowerCase(Locale.ROOT) + name.substring(lowered);
    }
}
