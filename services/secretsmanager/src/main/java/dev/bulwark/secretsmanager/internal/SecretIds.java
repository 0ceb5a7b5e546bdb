package dev.bulwark.secretsmanager.internal;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.Arn;
import dev.bulwark.core.Region;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secret names, ARNs and the SecretId parameter.
 *
 * <p>A secret's ARN is {@code arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME-XXXXXX}, six random
 * letters and digits after the name, so that a secret created again under a deleted one's name
 * has another ARN and policies naming the old ARN do not apply to it.
 *
 * <p>A SecretId is a name, a full ARN or a partial ARN (one without the suffix). As AWS does, an
 * ARN that ends with a hyphen and six letters or digits is taken to be complete: a secret named
 * {@code db-a1b2c3} cannot be found through a partial ARN, only through its name or full ARN.
 */
public final class SecretIds {
    /** The characters AWS allows in a secret name. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]+");
    private static final Pattern COMPLETE_ARN_NAME = Pattern.compile("(.+)-[A-Za-z0-9]{6}");
    private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String RESOURCE_PREFIX = "secret:";

    private SecretIds() {
    }

    /** What a SecretId names: where to look, the name, and the full ARN if one was given. */
    public record Reference(SecretScope scope, String name, Optional<String> fullArn) {

        /** Whether a stored secret is the one this reference names. */
        public boolean matches(SecretRecord secret) {
            return fullArn.map(secret.arn()::equals).orElse(true);
        }

        /** The ARN to authorize against when the secret does not exist: the partial ARN. */
        public String partialArn() {
            return fullArn.orElseGet(() -> Arn.of(scope.region(), scope.account(), "secretsmanager", RESOURCE_PREFIX + name)
                    .toString());
        }
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    public static String newArn(SecretScope scope, String name, SecureRandom random) {
        StringBuilder suffix = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            suffix.append(SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length())));
        }
        return arn(scope, name + "-" + suffix);
    }

    /** The same secret's ARN in another region, as a replica's ARN is. */
    public static String inRegion(String arn, Region region) {
        Arn parsed = Arn.parse(arn).orElseThrow();
        return new Arn(region.partition(), parsed.service(), region.name(), parsed.account(), parsed.resource()).toString();
    }

    /**
     * Reads a SecretId in the caller's account and region. An ARN may name another account (a
     * secret shared by a resource policy); one naming another region or service names nothing.
     *
     * @throws dev.bulwark.core.AwsException ValidationException for a malformed name,
     *                                       ResourceNotFoundException for an ARN that cannot name a secret here
     */
    public static Reference parse(String secretId, AccountId callerAccount, Region callerRegion) {
        if (secretId.startsWith("arn:")) {
            Arn arn = Arn.parse(secretId).orElseThrow(SecretsErrors::secretNotFound);
            if (!arn.service().equals("secretsmanager") || !arn.region().equals(callerRegion.name())
                    || !AccountId.isValid(arn.account()) || !arn.resource().startsWith(RESOURCE_PREFIX)) {
                throw SecretsErrors.secretNotFound();
            }
            SecretScope scope = new SecretScope(AccountId.of(arn.account()), callerRegion);
            String resourceName = arn.resource().substring(RESOURCE_PREFIX.length());
            Matcher complete = COMPLETE_ARN_NAME.matcher(resourceName);
            if (complete.matches()) {
                return new Reference(scope, complete.group(1), Optional.of(secretId));
            }
            if (!isValidName(resourceName)) {
                throw SecretsErrors.secretNotFound();
            }
            return new Reference(scope, resourceName, Optional.empty());
        }
        if (!isValidName(secretId)) {
            throw SecretsErrors.invalidName();
        }
        return new Reference(new SecretScope(callerAccount, callerRegion), secretId, Optional.empty());
    }

    private static String arn(SecretScope scope, String resourceName) {
        return Arn.of(scope.region(), scope.account(), "secretsmanager", RESOURCE_PREFIX + resourceName).toString();
    }
}
