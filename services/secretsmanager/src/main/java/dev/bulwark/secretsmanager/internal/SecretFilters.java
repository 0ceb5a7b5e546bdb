package dev.bulwark.secretsmanager.internal;

import dev.bulwark.core.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import software.amazon.awssdk.services.secretsmanager.model.Filter;

/**
 * ListSecrets and BatchGetSecretValue filters, as AWS matches them. A secret passes when every
 * filter matches (AND); a filter matches when any of its values does (OR); a value starting with
 * {@code !} matches when its rest does not.
 * <ul>
 *   <li>{@code name}, {@code tag-key}, {@code tag-value}, {@code primary-region},
 *       {@code owning-service}: prefix of the attribute, case-sensitive;</li>
 *   <li>{@code description}: case-insensitive, by words (runs of letters and digits): every word
 *       of the value must begin some word of the description ({@code "a secret"} matches
 *       "an secret" but not "asecret");</li>
 *   <li>{@code all}: the same word match over the name, description, tag keys and tag values.</li>
 * </ul>
 */
public final class SecretFilters {
    public static final List<String> KEYS = List.of("description", "name", "tag-key", "tag-value", "primary-region",
            "owning-service", "all");

    private SecretFilters() {
    }

    public static Validation check(Validation validation, List<Filter> filters) {
        validation.count("filters", filters, 0, 10);
        for (Filter filter : filters) {
            validation.oneOf("filters.member.key", filter.keyAsString(), KEYS);
            validation.count("filters.member.values", filter.hasValues() ? filter.values() : null, 1, 10);
            if (filter.hasValues()) {
                filter.values().forEach(value -> validation.string("filters.member.values.member", value, 1, 512, null));
            }
        }
        return validation;
    }

    public static boolean matches(SecretRecord secret, List<Filter> filters) {
        for (Filter filter : filters) {
            if (!filter.hasValues() || filter.values().stream().noneMatch(value -> matches(secret, filter.keyAsString(), value))) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(SecretRecord secret, String key, String value) {
        boolean negated = value.startsWith("!");
        String pattern = negated ? value.substring(1) : value;
        boolean found = switch (key) {
            case "name" -> prefix(List.of(secret.name()), pattern);
            case "description" -> words(List.of(nullToEmpty(secret.description())), pattern);
            case "tag-key" -> prefix(tagParts(secret, SecretRecord.Tag::key), pattern);
            case "tag-value" -> prefix(tagParts(secret, SecretRecord.Tag::value), pattern);
            case "primary-region" -> secret.primaryRegion() != null && prefix(List.of(secret.primaryRegion()), pattern);
            case "owning-service" -> false;
            case "all" -> {
                List<String> attributes = new ArrayList<>(List.of(secret.name(), nullToEmpty(secret.description())));
                attributes.addAll(tagParts(secret, SecretRecord.Tag::key));
                attributes.addAll(tagParts(secret, SecretRecord.Tag::value));
                yield words(attributes, pattern);
            }
            default -> false;
        };
        return found != negated;
    }

    private static boolean prefix(List<String> attributes, String pattern) {
        return attributes.stream().anyMatch(attribute -> attribute.startsWith(pattern));
    }

    private static boolean words(List<String> attributes, String pattern) {
        List<String> patternWords = split(pattern);
        if (patternWords.isEmpty()) {
            return false;
        }
        List<String> attributeWords = attributes.stream().flatMap(attribute -> split(attribute).stream()).toList();
        return patternWords.stream().allMatch(word -> attributeWords.stream().anyMatch(candidate -> candidate.startsWith(word)));
    }

    private static List<String> split(String text) {
        return List.of(text.toLowerCase(Locale.ROOT).split("[^\\p{Alnum}]+")).stream().filter(word -> !word.isEmpty()).toList();
    }

    private static List<String> tagParts(SecretRecord secret, Function<SecretRecord.Tag, String> part) {
        return secret.tags() == null ? List.of() : secret.tags().stream().map(part).toList();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
