package dev.bulwark.auth.policy;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The condition keys of one request and their values ({@code aws:SourceIp},
 * {@code kms:EncryptionContext:Department}, ...): what Condition elements and policy variables
 * read. Key names are case-insensitive, as in AWS (tag keys included:
 * {@code aws:PrincipalTag/Team} and {@code aws:principaltag/team} are one key); values are kept
 * as given. A key may have several values (multivalued keys such as {@code aws:TagKeys}); a key
 * with no values is the same as an absent key.
 *
 * <p>Every value is a string, as in AWS: booleans are {@code true}/{@code false}, times ISO 8601
 * ({@code aws:CurrentTime}) or epoch seconds ({@code aws:EpochTime}), binary values base64.
 */
public final class RequestContext {
    private static final RequestContext EMPTY = new RequestContext(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

    // Sorted with the case-insensitive comparator, which copies keep (new TreeMap<>(SortedMap)).
    private final SortedMap<String, List<String>> values;

    private RequestContext(TreeMap<String, List<String>> values) {
        this.values = Collections.unmodifiableSortedMap(values);
    }

    public static RequestContext empty() {
        return EMPTY;
    }

    /** A context from a map such as {@code AuthorizationRequest.conditionKeys()}. */
    public static RequestContext of(Map<String, ? extends Collection<String>> keys) {
        Builder builder = builder();
        keys.forEach(builder::put);
        return builder.build();
    }

    public static Builder builder() {
        return new Builder(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));
    }

    /** The values of a key, or empty when the request has no value for it. */
    public Optional<List<String>> get(String key) {
        List<String> found = values.get(key);
        return found == null || found.isEmpty() ? Optional.empty() : Optional.of(found);
    }

    public Map<String, List<String>> asMap() {
        return values;
    }

    /** This context with the keys of {@code overrides} replacing any of the same name. */
    RequestContext overriddenBy(RequestContext overrides) {
        if (overrides.values.isEmpty()) {
            return this;
        }
        Builder merged = new Builder(new TreeMap<>(values));
        overrides.values.forEach(merged::replace);
        return merged.build();
    }

    @Override
    public String toString() {
        return values.toString();
    }

    public static final class Builder {
        private final TreeMap<String, List<String>> values;

        private Builder(TreeMap<String, List<String>> values) {
            this.values = values;
        }

        public Builder put(String key, String value) {
            return put(key, List.of(value));
        }

        public Builder put(String key, boolean value) {
            return put(key, Boolean.toString(value));
        }

        /**
         * Sets a key's values.
         *
         * @throws IllegalArgumentException if the key was already set, in any case: two spellings
         *                                  of one key would make conditions ambiguous
         */
        public Builder put(String key, Collection<String> keyValues) {
            Objects.requireNonNull(key, "key");
            if (values.containsKey(key)) {
                throw new IllegalArgumentException("Condition key set twice: " + key);
            }
            return replace(key, keyValues);
        }

        /** Sets {@code aws:CurrentTime} and {@code aws:EpochTime} to the time of the request. */
        public Builder requestTime(Instant time) {
            put(ConditionKeys.CURRENT_TIME, DateTimeFormatter.ISO_INSTANT.format(time));
            return put(ConditionKeys.EPOCH_TIME, Long.toString(time.getEpochSecond()));
        }

        private Builder replace(String key, Collection<String> keyValues) {
            values.remove(key);
            values.put(key, List.copyOf(keyValues));
            return this;
        }

        public RequestContext build() {
            return new RequestContext(new TreeMap<>(values));
        }
    }
}
