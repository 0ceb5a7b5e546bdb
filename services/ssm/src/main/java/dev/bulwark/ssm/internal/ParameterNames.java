package dev.bulwark.ssm.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parameter names as AWS accepts them. A name is made of letters, digits, {@code _ . - /}; a name
 * with a slash is a path and must start with one ({@code /app/db}); a hierarchy has at most 15
 * levels; names can't start with {@code aws} or {@code ssm} in any case; and the name, with the ARN
 * prefix that precedes it ({@code arn:aws:ssm:us-east-2:111122223333:parameter/}), is at most 1011
 * characters. Spaces around a name are removed, as AWS removes them.
 *
 * <p>{@code app} and {@code /app} name the same parameter: its <em>id</em>, the key it is stored
 * under and the tail of its ARN, is the name with a leading slash.
 */
public final class ParameterNames {
    public static final int MAX_LEVELS = 15;
    public static final int MAX_LENGTH_WITH_ARN_PREFIX = 1011;
    private static final Pattern CHARACTERS = Pattern.compile("[a-zA-Z0-9_.\\-/]+");

    private ParameterNames() {
    }

    /** The id of a well-formed name: the name with a leading slash. */
    public static String id(String name) {
        return name.startsWith("/") ? name : "/" + name;
    }

    /** Validates a name PutParameter creates or overwrites, and returns it without surrounding spaces. */
    public static String forWrite(String raw, SsmScope scope) {
        String name = raw.strip();
        requireWellFormed(name, true);
        requireUnreserved(name);
        requireShallowEnough(name);
        if (scope.parameterArnPrefix().length() + id(name).length() > MAX_LENGTH_WITH_ARN_PREFIX) {
            throw SsmErrors.nameTooLong(MAX_LENGTH_WITH_ARN_PREFIX);
        }
        return name;
    }

    /**
     * Validates a name a read or a delete names. Reserved prefixes pass: no such parameter exists
     * (Bulwark serves no AWS public parameters), so the read finds nothing, as AWS would find
     * nothing under an unknown public path.
     */
    public static String forRead(String name) {
        requireWellFormed(name, false);
        requireShallowEnough(name);
        return name;
    }

    /** Whether a name starts with {@code aws} or {@code ssm} in any case, with or without a leading slash. */
    public static boolean reserved(String name) {
        String lower = (name.startsWith("/") ? name.substring(1) : name).toLowerCase(Locale.ROOT);
        return lower.startsWith("aws") || lower.startsWith("ssm");
    }

    private static void requireWellFormed(String name, boolean forWrite) {
        if (name.isEmpty() || !CHARACTERS.matcher(name).matches() || name.contains("//") || name.equals("/")) {
            throw SsmErrors.invalidName();
        }
        if (name.contains("/") && !name.startsWith("/")) {
            throw forWrite ? SsmErrors.notFullyQualified() : SsmErrors.invalidName();
        }
        if (name.endsWith("/")) {
            throw forWrite ? SsmErrors.endsWithSlash() : SsmErrors.invalidName();
        }
    }

    /**
     * AWS refuses a path under {@code /aws} as a reserved name (AccessDeniedException), any other name
     * starting with {@code aws} or {@code ssm} with a ValidationException that names both prefixes,
     * and a path under {@code /ssm} with its general message about name syntax.
     */
    private static void requireUnreserved(String name) {
        if (!reserved(name)) {
            return;
        }
        boolean path = name.indexOf('/', 1) > 0;
        if (!path) {
            throw SsmErrors.reservedPrefix();
        }
        if (name.substring(1).toLowerCase(Locale.ROOT).startsWith("aws")) {
            throw SsmErrors.reservedName(name);
        }
        throw SsmErrors.invalidName();
    }

    private static void requireShallowEnough(String name) {
        if (levels(name) > MAX_LEVELS) {
            throw SsmErrors.hierarchyTooDeep();
        }
    }

    /** How many levels a name has: {@code /a/b/c} has three, {@code a} one. */
    public static int levels(String name) {
        int levels = 1;
        for (int i = 1; i < name.length(); i++) {
            if (name.charAt(i) == '/') {
                levels++;
            }
        }
        return levels;
    }
}
