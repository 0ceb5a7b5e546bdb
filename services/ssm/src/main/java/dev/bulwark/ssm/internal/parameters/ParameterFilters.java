package dev.bulwark.ssm.internal.parameters;

import dev.bulwark.core.AwsException;
import dev.bulwark.core.CommonErrors;
import dev.bulwark.core.Validation;
import dev.bulwark.ssm.internal.ParameterNames;
import dev.bulwark.ssm.internal.ParameterVersion;
import dev.bulwark.ssm.internal.SsmErrors;
import dev.bulwark.ssm.internal.StoredParameter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;
import software.amazon.awssdk.services.ssm.model.ParametersFilter;

/**
 * The ParameterFilters of DescribeParameters and GetParametersByPath, checked as AWS checks them and
 * then applied to each parameter. Filters combine with AND; the values of one filter with OR.
 *
 * <table>
 *   <caption>Filter keys</caption>
 *   <tr><th>key</th><th>options</th><th>matches</th></tr>
 *   <tr><td>Name</td><td>Equals, BeginsWith, Contains</td><td>the name ({@code app} and {@code /app} alike)</td></tr>
 *   <tr><td>Path</td><td>OneLevel (default), Recursive</td><td>parameters directly under, or anywhere under, a path</td></tr>
 *   <tr><td>Type, KeyId, Tier, DataType</td><td>Equals, BeginsWith</td><td>the current version's attribute</td></tr>
 *   <tr><td>tag:KEY</td><td>Equals, BeginsWith</td><td>a tag's value; without values, having the tag</td></tr>
 *   <tr><td>Label</td><td>Equals</td><td>a label on any version (GetParametersByPath only: it returns that version)</td></tr>
 * </table>
 * DescribeParameters takes every key but Label; GetParametersByPath only Type, KeyId and Label, as
 * AWS documents. The legacy Filters of DescribeParameters (Name, Type, KeyId) are read as the
 * equivalent ParameterFilters (Name with BeginsWith).
 */
final class ParameterFilters {
    private static final Pattern KEY = Pattern.compile("tag:.+|Name|Type|KeyId|Path|Label|Tier|DataType");
    private static final Pattern PATH = Pattern.compile("/|(/[a-zA-Z0-9_.\\-]+)+/?");
    private static final List<String> TYPES = List.of("String", "StringList", "SecureString");
    private static final List<String> TIERS = List.of("Standard", "Advanced", "Intelligent-Tiering");
    private static final Set<String> BY_PATH_KEYS = Set.of("Type", "KeyId", "Label");
    private static final String EQUALS = "Equals";
    private static final String BEGINS_WITH = "BeginsWith";
    private static final String CONTAINS = "Contains";
    private static final String ONE_LEVEL = "OneLevel";
    private static final String RECURSIVE = "Recursive";

    /** The operation whose filters these are. */
    enum Use { DESCRIBE, BY_PATH }

    /** One checked filter. */
    private record Filter(String key, String option, List<String> values) {
    }

    private final List<Filter> filters;

    private ParameterFilters(List<Filter> filters) {
        this.filters = filters;
    }

    static ParameterFilters none() {
        return new ParameterFilters(List.of());
    }

    static ParameterFilters parse(List<ParameterStringFilter> given, Use use) {
        Validation constraints = Validation.check();
        for (int i = 0; i < given.size(); i++) {
            ParameterStringFilter filter = given.get(i);
            String path = "parameterFilters." + (i + 1) + ".member.";
            List<String> values = filter.hasValues() ? filter.values() : null;
            constraints.requiredText(path + "key", filter.key(), 1, 132)
                    .pattern(path + "key", filter.key(), KEY)
                    .length(path + "option", filter.option(), 1, 10)
                    .count(path + "values", values, 1, 50);
            if (values != null) {
                values.forEach(value -> constraints.requiredText(path + "values", value, 1, 1024));
            }
        }
        constraints.orThrow();
        List<Filter> filters = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (ParameterStringFilter filter : given) {
            filters.add(check(filter, use, keys));
        }
        return new ParameterFilters(List.copyOf(filters));
    }

    /** The deprecated Filters of DescribeParameters, read as ParameterFilters. */
    static ParameterFilters legacy(List<ParametersFilter> given) {
        Validation constraints = Validation.check();
        for (int i = 0; i < given.size(); i++) {
            ParametersFilter filter = given.get(i);
            String path = "filters." + (i + 1) + ".member.";
            List<String> values = filter.hasValues() ? filter.values() : null;
            constraints.required(path + "key", filter.keyAsString())
                    .oneOf(path + "key", filter.keyAsString(), List.of("Name", "Type", "KeyId"))
                    .required(path + "values", values)
                    .count(path + "values", values, 1, 50);
        }
        constraints.orThrow();
        return parse(given.stream()
                .map(filter -> ParameterStringFilter.builder()
                        .key(filter.keyAsString())
                        .option(filter.keyAsString().equals("Name") ? BEGINS_WITH : EQUALS)
                        .values(filter.values())
                        .build())
                .toList(), Use.DESCRIBE);
    }

    private static Filter check(ParameterStringFilter filter, Use use, Set<String> keys) {
        String key = filter.key();
        if (use == Use.DESCRIBE && key.equals("Label")) {
            throw SsmErrors.invalidFilterKey(
                    "The following filter key is not valid: Label. Valid filter keys include: [Path, Name, Type, KeyId, Tier].");
        }
        if (use == Use.BY_PATH && !BY_PATH_KEYS.contains(key)) {
            throw SsmErrors.invalidFilterKey(
                    "The following filter key is not valid: " + key + ". Valid filter keys include: [Type, KeyId, Label].");
        }
        List<String> values = filter.hasValues() ? filter.values() : List.of();
        if (values.isEmpty() && !key.startsWith("tag:")) {
            throw SsmErrors.invalidFilterValue("The following filter values are missing : null for filter key " + key + ".");
        }
        if (!keys.add(key)) {
            throw SsmErrors.invalidFilterKey("The following filter is duplicated in the request: " + key
                    + ". A request can contain only one occurrence of a specific filter.");
        }
        String option = filter.option() != null ? filter.option() : key.equals("Path") ? ONE_LEVEL : EQUALS;
        List<String> options = switch (key) {
            case "Path" -> List.of(RECURSIVE, ONE_LEVEL);
            case "Label" -> List.of(EQUALS);
            case "Name" -> List.of(BEGINS_WITH, EQUALS, CONTAINS);
            default -> List.of(BEGINS_WITH, EQUALS);
        };
        if (!options.contains(option)) {
            throw SsmErrors.invalidFilterOption("The following filter option is not valid: " + option
                    + ". Valid options include: [" + String.join(", ", options) + "].");
        }
        switch (key) {
            case "Path" -> values.forEach(ParameterFilters::checkPath);
            case "Type" -> requireAmong(values, TYPES);
            case "Tier" -> requireAmong(values, TIERS);
            default -> {
            }
        }
        return new Filter(key, option, List.copyOf(values));
    }

    private static void checkPath(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.startsWith("/aws") || lower.startsWith("/ssm")) {
            throw CommonErrors.validation("Filters for common parameters can't be prefixed with \"aws\" or \"ssm\" "
                    + "(case-insensitive). When using global parameters, please specify within a global namespace.");
        }
        if (!PATH.matcher(path).matches()) {
            throw invalidPath();
        }
    }

    /** AWS's message for a path that is not one. */
    static AwsException invalidPath() {
        return CommonErrors.validation("The parameter doesn't meet the parameter name requirements. The parameter name must "
                + "begin with a forward slash \"/\". It can't be prefixed with \"aws\" or \"ssm\" (case-insensitive). It "
                + "must use only letters, numbers, or the following symbols: . (period), - (hyphen), _ (underscore). "
                + "Special characters are not allowed. All sub-paths, if specified, must use the forward slash symbol "
                + "\"/\". Valid example: /get/parameters2-/by1./path0_.");
    }

    /** Whether a string is a path GetParametersByPath and the Path filter accept ({@code /} or {@code /a/b}). */
    static boolean isPath(String path) {
        return PATH.matcher(path).matches();
    }

    private static void requireAmong(List<String> values, List<String> valid) {
        values.stream().filter(value -> !valid.contains(value)).findFirst().ifPresent(value -> {
            throw SsmErrors.invalidFilterValue("The following filter value is not valid: " + value
                    + ". Valid values include: [" + String.join(", ", valid) + "].");
        });
    }

    /** The labels a Label filter asks for, if there is one. */
    Optional<List<String>> labels() {
        return filters.stream().filter(filter -> filter.key().equals("Label")).map(Filter::values).findFirst();
    }

    /**
     * Where a scan can start: the prefix every match's id has. With one Path filter of one path, only
     * that part of the hierarchy is read.
     */
    String idPrefix() {
        return filters.stream()
                .filter(filter -> filter.key().equals("Path") && filter.values().size() == 1)
                .map(filter -> trimmed(filter.values().getFirst()))
                .filter(path -> !path.equals("/"))
                .map(path -> path + "/")
                .findFirst()
                .orElse("");
    }

    /** Whether a parameter, shown at a version, passes every filter but Label. */
    boolean matches(StoredParameter parameter, ParameterVersion version) {
        return filters.stream().allMatch(filter -> matches(filter, parameter, version));
    }

    private static boolean matches(Filter filter, StoredParameter parameter, ParameterVersion version) {
        String key = filter.key();
        if (key.startsWith("tag:")) {
            String tag = parameter.record().tags().get(key.substring("tag:".length()));
            return tag != null && (filter.values().isEmpty() || compare(filter.option(), tag, filter.values()));
        }
        return switch (key) {
            case "Name" -> filter.option().equals(CONTAINS)
                    ? filter.values().stream().anyMatch(value -> parameter.record().name().contains(value))
                    : compare(filter.option(), parameter.id(), filter.values().stream().map(ParameterNames::id).toList());
            case "Path" -> filter.values().stream().anyMatch(path -> under(parameter.id(), trimmed(path), filter.option()));
            case "Type" -> compare(filter.option(), version.type(), filter.values());
            case "KeyId" -> version.keyId() != null && compare(filter.option(), version.keyId(), filter.values());
            case "Tier" -> compare(filter.option(), version.tier(), filter.values());
            case "DataType" -> compare(filter.option(), version.dataType(), filter.values());
            default -> true;
        };
    }

    private static boolean compare(String option, String actual, List<String> values) {
        return option.equals(BEGINS_WITH)
                ? values.stream().anyMatch(actual::startsWith)
                : values.contains(actual);
    }

    /** Whether an id lies under a path: directly (OneLevel) or at any depth (Recursive). */
    private static boolean under(String id, String path, String option) {
        String prefix = path.equals("/") ? "/" : path + "/";
        if (!id.startsWith(prefix)) {
            return false;
        }
        return option.equals(RECURSIVE) || id.indexOf('/', prefix.length()) < 0;
    }

    private static String trimmed(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
