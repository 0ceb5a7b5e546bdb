package dev.bulwark.auth.policy;

import java.util.Arrays;
import java.util.List;

/**
 * Matches an ARN against a pattern as the Resource element and the {@code Arn*} condition
 * operators do.
 *
 * <p>An ARN has six colon-separated parts ({@code arn:partition:service:region:account:resource});
 * the resource part may itself hold colons. Each part of the pattern is matched against the same
 * part of the ARN, case-sensitively, so a wildcard in the region cannot swallow the account. The
 * one exception AWS documents: when a pattern has fewer than six parts and its last part ends with
 * {@code *}, that last part matches the rest of the ARN across the colons ({@code arn:aws:kms:*}
 * matches every KMS ARN). A lone {@code *} matches anything, including texts that are not ARNs.
 */
final class ArnMatcher {
    private static final int ARN_PARTS = 6;

    private ArnMatcher() {
    }

    static boolean matches(Glob pattern, String arn) {
        if (pattern.isAnything()) {
            return true;
        }
        List<Glob> patternParts = pattern.split(':', ARN_PARTS);
        String[] arnParts = arn.split(":", ARN_PARTS);
        int last = patternParts.size() - 1;
        for (int i = 0; i < last; i++) {
            if (i >= arnParts.length || !patternParts.get(i).matches(arnParts[i], false)) {
                return false;
            }
        }
        if (last >= arnParts.length) {
            return false;
        }
        Glob lastPart = patternParts.get(last);
        if (patternParts.size() < ARN_PARTS && lastPart.endsWithAnyRun()) {
            return lastPart.matches(remainder(arnParts, last), false);
        }
        return arnParts.length == patternParts.size() && lastPart.matches(arnParts[last], false);
    }

    private static String remainder(String[] parts, int from) {
        return String.join(":", Arrays.asList(parts).subList(from, parts.length));
    }
}
