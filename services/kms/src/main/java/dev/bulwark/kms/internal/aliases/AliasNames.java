package dev.bulwark.kms.internal.aliases;

import dev.bulwark.core.CommonErrors;
import dev.bulwark.core.Validation;
import dev.bulwark.kms.internal.AwsManagedKeys;
import dev.bulwark.kms.internal.KmsErrors;
import java.util.regex.Pattern;

/**
 * The rules an alias name given to CreateAlias, UpdateAlias or DeleteAlias (or named in a seed
 * file) must follow: the model's length and pattern, the {@code alias/} prefix, no colon (the
 * pattern admits one, AWS does not), and nothing under {@code alias/aws/}, which AWS reserves for
 * its managed keys.
 */
public final class AliasNames {
    private static final Pattern PATTERN = Pattern.compile("^[a-zA-Z0-9:/_-]+$");
    private static final String PREFIX = "alias/";

    private AliasNames() {
    }

    /** The model's constraints; reported with the request's other violations. */
    public static Validation constraints(Validation constraints, String aliasName) {
        return constraints.requiredText("aliasName", aliasName, 1, 256).pattern("aliasName", aliasName, PATTERN);
    }

    /** The rules beyond the model, for a name the customer may create, change or delete. */
    public static void requireCustomerAlias(String aliasName) {
        if (!aliasName.startsWith(PREFIX)) {
            throw CommonErrors.validation("Alias must start with the prefix \"alias/\". "
                    + "Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html");
        }
        if (aliasName.indexOf(':') >= 0) {
            throw CommonErrors.validation(aliasName + " contains invalid characters for an alias");
        }
        if (aliasName.length() == PREFIX.length()) {
            throw KmsErrors.invalidAliasName(aliasName + " is not a valid alias name.");
        }
        if (AwsManagedKeys.isReserved(aliasName)) {
            throw KmsErrors.reservedAlias();
        }
    }
}
