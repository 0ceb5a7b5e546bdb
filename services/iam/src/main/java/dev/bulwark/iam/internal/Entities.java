package dev.bulwark.iam.internal;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Small rules every IAM entity shares. */
final class Entities {
    private Entities() {
    }

    /**
     * The record id of a named entity. IAM names are unique regardless of case ("Alice" and
     * "alice" cannot both exist) but keep the case they were given, so records are keyed by the
     * lower-case name and the document keeps the original.
     */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The name an IAM ARN ends with: {@code arn:aws:iam::1:user/path/alice} is {@code alice}. */
    static String nameInArn(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    /** An unmodifiable copy sorted by name, so that listings come out in AWS's order. */
    static SortedMap<String, String> sorted(Map<String, String> policies) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(policies));
    }
}
