package dev.bulwark.auth.policy;

import dev.bulwark.auth.policy.ValueMatcher.Relation;
import dev.bulwark.auth.policy.ValueMatcher.Strings.Mode;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A condition operator as written in a policy: an optional set qualifier
 * ({@code ForAllValues:}, {@code ForAnyValue:}), a base operator ({@code StringEquals}, ...),
 * and an optional {@code IfExists} suffix. Names are case-sensitive, as in IAM.
 */
record ConditionOperator(Qualifier qualifier, Base base, boolean ifExists) {
    private static final String IF_EXISTS = "IfExists";

    enum Qualifier {
        NONE(""), FOR_ALL_VALUES("ForAllValues:"), FOR_ANY_VALUE("ForAnyValue:");

        private final String prefix;

        Qualifier(String prefix) {
            this.prefix = prefix;
        }
    }

    /**
     * The base operators. A negated operator (StringNotEquals, NotIpAddress, ...) is the NOR of its
     * positive family over the policy's values; {@link #NULL} tests presence and has no family.
     */
    enum Base {
        STRING_EQUALS("StringEquals", false, strings(Mode.EXACT)),
        STRING_NOT_EQUALS("StringNotEquals", true, strings(Mode.EXACT)),
        STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", false, strings(Mode.IGNORE_CASE)),
        STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", true, strings(Mode.IGNORE_CASE)),
        STRING_LIKE("StringLike", false, strings(Mode.LIKE)),
        STRING_NOT_LIKE("StringNotLike", true, strings(Mode.LIKE)),
        NUMERIC_EQUALS("NumericEquals", false, numbers(Relation.EQUAL)),
        NUMERIC_NOT_EQUALS("NumericNotEquals", true, numbers(Relation.EQUAL)),
        NUMERIC_LESS_THAN("NumericLessThan", false, numbers(Relation.LESS)),
        NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", false, numbers(Relation.LESS_OR_EQUAL)),
        NUMERIC_GREATER_THAN("NumericGreaterThan", false, numbers(Relation.GREATER)),
        NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", false, numbers(Relation.GREATER_OR_EQUAL)),
        DATE_EQUALS("DateEquals", false, dates(Relation.EQUAL)),
        DATE_NOT_EQUALS("DateNotEquals", true, dates(Relation.EQUAL)),
        DATE_LESS_THAN("DateLessThan", false, dates(Relation.LESS)),
        DATE_LESS_THAN_EQUALS("DateLessThanEquals", false, dates(Relation.LESS_OR_EQUAL)),
        DATE_GREATER_THAN("DateGreaterThan", false, dates(Relation.GREATER)),
        DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", false, dates(Relation.GREATER_OR_EQUAL)),
        BOOL("Bool", false, (values, variables) -> new ValueMatcher.Booleans(values)),
        BINARY_EQUALS("BinaryEquals", false, (values, variables) -> ValueMatcher.Binaries.of(values)),
        IP_ADDRESS("IpAddress", false, (values, variables) -> ValueMatcher.IpAddresses.of(values)),
        NOT_IP_ADDRESS("NotIpAddress", true, (values, variables) -> ValueMatcher.IpAddresses.of(values)),
        ARN_EQUALS("ArnEquals", false, arns()),
        ARN_LIKE("ArnLike", false, arns()),
        ARN_NOT_EQUALS("ArnNotEquals", true, arns()),
        ARN_NOT_LIKE("ArnNotLike", true, arns()),
        NULL("Null", false, null);

        private final String awsName;
        private final boolean negated;
        private final BiFunction<List<String>, Boolean, ValueMatcher> family;

        Base(String awsName, boolean negated, BiFunction<List<String>, Boolean, ValueMatcher> family) {
            this.awsName = awsName;
            this.negated = negated;
            this.family = family;
        }

        boolean negated() {
            return negated;
        }

        boolean isDate() {
            return awsName.startsWith("Date");
        }

        /** The positive test over the policy's values; absent for {@link #NULL}. */
        Optional<ValueMatcher> compile(List<String> values, boolean variablesEnabled) {
            return family == null ? Optional.empty() : Optional.of(family.apply(values, variablesEnabled));
        }

        private static BiFunction<List<String>, Boolean, ValueMatcher> strings(Mode mode) {
            return (values, variables) -> new ValueMatcher.Strings(mode, templates(values, variables));
        }

        private static BiFunction<List<String>, Boolean, ValueMatcher> arns() {
            return (values, variables) -> new ValueMatcher.Arns(templates(values, variables));
        }

        private static BiFunction<List<String>, Boolean, ValueMatcher> numbers(Relation relation) {
            return (values, variables) -> ValueMatcher.Numbers.of(relation, values);
        }

        private static BiFunction<List<String>, Boolean, ValueMatcher> dates(Relation relation) {
            return (values, variables) -> ValueMatcher.Dates.of(relation, values);
        }

        private static List<PolicyString> templates(List<String> values, boolean variablesEnabled) {
            return values.stream().map(value -> PolicyString.parse(value, variablesEnabled)).toList();
        }
    }

    /** The operator a name denotes, or empty if it is not one of AWS's. */
    static Optional<ConditionOperator> parse(String name) {
        Qualifier qualifier = Qualifier.NONE;
        String rest = name;
        for (Qualifier candidate : List.of(Qualifier.FOR_ALL_VALUES, Qualifier.FOR_ANY_VALUE)) {
            if (rest.startsWith(candidate.prefix)) {
                qualifier = candidate;
                rest = rest.substring(candidate.prefix.length());
                break;
            }
        }
        boolean ifExists = rest.endsWith(IF_EXISTS);
        if (ifExists) {
            rest = rest.substring(0, rest.length() - IF_EXISTS.length());
        }
        for (Base base : Base.values()) {
            if (base.awsName.equals(rest)) {
                return Optional.of(new ConditionOperator(qualifier, base, ifExists));
            }
        }
        return Optional.empty();
    }
}
