package dev.bulwark.cloudtrail.internal;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.Arn;
import dev.bulwark.core.AwsException;
import dev.bulwark.core.Region;
import java.util.regex.Pattern;

/**
 * Trail names and the {@code Name} parameters that take a name or an ARN, checked in AWS's
 * order with AWS's messages: length, first and last character, allowed characters, then the
 * two rules AWS documents without published wording (no adjacent punctuation, not an IP
 * address).
 */
final class TrailNames {
    private static final int SHORTEST = 3;
    private static final int LONGEST = 128;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern ADJACENT_PUNCTUATION = Pattern.compile("[._-]{2}");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final String TRAIL_RESOURCE = "trail/";

    private TrailNames() {
    }

    /** A trail as a request names it: by ARN (any region) or by name (the caller's region). */
    record TrailId(AccountId account, Region region, String name, boolean byArn) {
        String arn() {
            return TrailDocument.arn(account, region, name);
        }
    }

    /** Reads a {@code Name} parameter that may be a trail name or a trail ARN. */
    static TrailId parse(String nameOrArn, AccountId account, Region region) {
        if (nameOrArn != null && nameOrArn.startsWith("arn:")) {
            Arn arn = Arn.parse(nameOrArn)
                    .filter(a -> a.service().equals("cloudtrail") && a.resource().startsWith(TRAIL_RESOURCE)
                            && Region.isValid(a.region()) && AccountId.isValid(a.account()))
                    .orElseThrow(() -> CloudTrailErrors.invalidArn(nameOrArn));
            String name = arn.resource().substring(TRAIL_RESOURCE.length());
            check(name);
            return new TrailId(AccountId.of(arn.account()), Region.of(arn.region()), name, true);
        }
        check(nameOrArn);
        return new TrailId(account, region, nameOrArn, false);
    }

    /** Checks a new trail's name. */
    static void check(String name) {
        if (name == null || name.length() < SHORTEST) {
            throw CloudTrailErrors.invalidTrailName("Trail name too short. Minimum allowed length: " + SHORTEST
                    + " characters. Specified name length: " + (name == null ? 0 : name.length()) + " characters.");
        }
        if (name.length() > LONGEST) {
            throw CloudTrailErrors.invalidTrailName("Trail name too long. Maximum allowed length: " + LONGEST
                    + " characters. Specified name length: " + name.length() + " characters.");
        }
        if (!isLetterOrDigit(name.charAt(0))) {
            throw CloudTrailErrors.invalidTrailName("Trail name must starts with a letter or number.");
        }
        if (!isLetterOrDigit(name.charAt(name.length() - 1))) {
            throw CloudTrailErrors.invalidTrailName("Trail name must ends with a letter or number.");
        }
        if (!ALLOWED.matcher(name).matches()) {
            throw CloudTrailErrors.invalidTrailName("Trail name or ARN can only contain uppercase letters, lowercase"
                    + " letters, numbers, periods (.), hyphens (-), and underscores (_).");
        }
        if (ADJACENT_PUNCTUATION.matcher(name).find()) {
            throw CloudTrailErrors.invalidTrailName(
                    "Trail name must not have adjacent periods, underscores or dashes.");
        }
        if (IP_ADDRESS.matcher(name).matches()) {
            throw CloudTrailErrors.invalidTrailName("Trail name must not be in IP address format.");
        }
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** The error for a trail this account does not have, naming it by ARN as AWS does. */
    static AwsException notFound(TrailId id, AccountId caller) {
        return CloudTrailErrors.trailNotFound(caller, id.arn());
    }
}
