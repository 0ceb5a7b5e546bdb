package dev.bulwark.kms.internal;

import dev.bulwark.core.Arn;
import java.util.regex.Pattern;

/**
 * A KeyId parameter, parsed: a key id, a key ARN, an alias name or an alias ARN. Parsing checks
 * only the form; {@link KeyResolver} finds what it names.
 */
public sealed interface KeyReference {
    Pattern KEY_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
            + "|mrk-[0-9a-fA-F]{32}");

    /** {@code 1234abcd-12ab-34cd-56ef-1234567890ab} or {@code mrk-...} */
    record KeyId(String keyId) implements KeyReference {
    }

    /** {@code arn:aws:kms:us-east-2:111122223333:key/1234abcd-...} */
    record KeyArn(Arn arn, String keyId) implements KeyReference {
    }

    /** {@code alias/ExampleAlias} */
    record AliasName(String aliasName) implements KeyReference {
    }

    /** {@code arn:aws:kms:us-east-2:111122223333:alias/ExampleAlias} */
    record AliasArn(Arn arn, String aliasName) implements KeyReference {
    }

    /**
     * Parses a KeyId parameter. A malformed key id is a NotFoundException ({@code Invalid keyId
     * 'x'}), as AWS reports it; an ARN that names neither a KMS key nor an alias is an
     * InvalidArnException.
     */
    static KeyReference parse(String text) {
        if (text.startsWith("arn:")) {
            Arn arn = Arn.parse(text).filter(parsed -> parsed.service().equals("kms"))
                    .orElseThrow(() -> KmsErrors.invalidArn("Invalid arn " + text));
            String resource = arn.resource();
            if (resource.startsWith("key/")) {
                String keyId = resource.substring("key/".length());
                requireKeyIdForm(keyId);
                return new KeyArn(arn, keyId);
            }
            if (resource.startsWith("alias/")) {
                return new AliasArn(arn, resource);
            }
            throw KmsErrors.invalidArn("Invalid arn " + text);
        }
        if (text.startsWith("alias/")) {
            return new AliasName(text);
        }
        requireKeyIdForm(text);
        return new KeyId(text);
    }

    private static void requireKeyIdForm(String keyId) {
        if (!KEY_ID.matcher(keyId).matches()) {
            throw KmsErrors.invalidKeyId(keyId);
        }
    }
}
