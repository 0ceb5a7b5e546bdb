package dev.bulwark.auth.policy;

import java.util.List;
import java.util.Optional;

/**
 * One test of a Condition element: an operator, a condition key and the policy's values for it
 * ({@code "StringEquals": {"aws:username": ["alice", "bob"]}} is one Condition with two values).
 * A statement's conditions must all hold.
 *
 * <h2>Evaluation, as AWS documents it</h2>
 * <ul>
 *   <li>Several values for one key are ORed: the request's value must match one of them. For a
 *       negated operator ({@code StringNotEquals}, {@code NotIpAddress}, {@code ArnNotLike}, ...)
 *       the result is the NOR: the request's value must match none of them.
 *   <li>A key absent from the request: a positive operator is false, a negated operator is true
 *       (AWS: "If the policy condition requires that the key is not matched, such as
 *       StringNotLike or ArnNotLike, and the right key is not present, the condition is true").
 *       With {@code ...IfExists} any operator is true. A key with no values counts as absent.
 *   <li>{@code ForAllValues:}: every request value must pass the operator (for a negated
 *       operator: match none of the policy's values); true when the key is absent or empty.
 *       {@code ForAnyValue:}: at least one must; false when the key is absent or empty.
 *   <li>Without a qualifier, a multivalued key passes a positive operator if any of its values
 *       matches and a negated one if none matches.
 *   <li>{@code Null}: {@code "true"} holds when the key is absent, {@code "false"} when it is
 *       present; its qualifier and IfExists change nothing.
 * </ul>
 */
public final class Condition {
    private final String operatorName;
    private final String key;
    private final List<String> values;
    private final ConditionOperator operator;
    // Absent for Null, which looks only at whether the key is present.
    private final Optional<ValueMatcher> matcher;

    Condition(String operatorName, ConditionOperator operator, String key, List<String> values,
            boolean variablesEnabled) {
        this.operatorName = operatorName;
        this.operator = operator;
        this.key = key;
        this.values = List.copyOf(values);
        this.matcher = operator.base().compile(this.values, variablesEnabled);
    }

    /** The operator as written ({@code ForAnyValue:StringLikeIfExists}). */
    public String operator() {
        return operatorName;
    }

    public String key() {
        return key;
    }

    /** The policy's values, as strings (a JSON number or boolean in the policy as its text). */
    public List<String> values() {
        return values;
    }

    boolean holds(RequestContext context) {
        Optional<List<String>> requestValues = context.get(key);
        if (matcher.isEmpty()) {
            return holdsNull(requestValues.isEmpty());
        }
        boolean negated = operator.base().negated();
        if (requestValues.isEmpty()) {
            if (operator.ifExists()) {
                return true;
            }
            return switch (operator.qualifier()) {
                case FOR_ALL_VALUES -> true;
                case FOR_ANY_VALUE -> false;
                case NONE -> negated;
            };
        }
        ValueMatcher test = matcher.get();
        return switch (operator.qualifier()) {
            case FOR_ALL_VALUES -> requestValues.get().stream().allMatch(v -> test.matchesAny(v, context) != negated);
            case FOR_ANY_VALUE -> requestValues.get().stream().anyMatch(v -> test.matchesAny(v, context) != negated);
            case NONE -> requestValues.get().stream().anyMatch(v -> test.matchesAny(v, context)) != negated;
        };
    }

    private boolean holdsNull(boolean keyAbsent) {
        return values.stream().anyMatch(value -> value.equalsIgnoreCase("true") ? keyAbsent
                : value.equalsIgnoreCase("false") && !keyAbsent);
    }

    @Override
    public String toString() {
        return "\"" + operatorName + "\": {\"" + key + "\": " + values + "}";
    }
}
