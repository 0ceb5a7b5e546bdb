package dev.bulwark.auth.policy;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The positive test of a condition operator family: does one value of the request match any of
 * the condition's values? Negation, missing keys and the set qualifiers are applied around it by
 * {@link Condition}.
 *
 * <p>Policy values are compiled once, when the policy is parsed. A policy value the family cannot
 * read (a number that is not a number, a malformed CIDR) matches nothing; so does a request value
 * it cannot read. A Deny with {@code NotIpAddress} and a typo therefore still denies: errors fail
 * closed.
 */
sealed interface ValueMatcher {

    boolean matchesAny(String requestValue, RequestContext context);

    /** How the request's value must stand to the policy's, for the Numeric and Date families. */
    enum Relation {
        EQUAL, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL;

        boolean holds(int requestComparedToPolicy) {
            return switch (this) {
                case EQUAL -> requestComparedToPolicy == 0;
                case LESS -> requestComparedToPolicy < 0;
                case LESS_OR_EQUAL -> requestComparedToPolicy <= 0;
                case GREATER -> requestComparedToPolicy > 0;
                case GREATER_OR_EQUAL -> requestComparedToPolicy >= 0;
            };
        }
    }

    /** StringEquals (exact), StringEqualsIgnoreCase, StringLike (wildcards, case-sensitive). */
    record Strings(Mode mode, List<PolicyString> values) implements ValueMatcher {
        enum Mode { EXACT, IGNORE_CASE, LIKE }

        @Override
        public boolean matchesAny(String requestValue, RequestContext context) {
            for (PolicyString value : values) {
                boolean match = switch (mode) {
                    case EXACT -> value.toLiteral(context).map(requestValue::equals).orElse(false);
                    case IGNORE_CASE -> value.toLiteral(context).map(requestValue::equalsIgnoreCase).orElse(false);
                    case LIKE -> value.toPattern(context).map(p -> p.matches(requestValue, false)).orElse(false);
                };
                if (match) {
                    return true;
                }
            }
            return false;
        }
    }

    /** ArnEquals and ArnLike, which AWS defines identically: wildcards, part by part. */
    record Arns(List<PolicyString> values) implements ValueMatcher {
        @Override
        public boolean matchesAny(String requestValue, RequestContext context) {
            return values.stream().anyMatch(value ->
                    value.toPattern(context).map(p -> ArnMatcher.matches(p, requestValue)).orElse(false));
        }
    }

    record Numbers(Relation relation, List<BigDecimal> values) implements ValueMatcher {
        static Numbers of(Relation relation, List<String> texts) {
            return new Numbers(relation, compile(texts, Numbers::parse));
        }

        @Override
        public boolean matchesAny(String requestValue, RequestContext context) {
            Optional<BigDecimal> number = parse(requestValue);
            return number.isPresent() && values.stream()
                    .anyMatch(value -> relation.holds(number.get().compareTo(value)));
        }

        private static Optional<BigDecimal> parse(String text) {
            try {
                return Optional.of(new BigDecimal(text));
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        }
    }

    record Dates(Relation relation, List<Instant> values) implements ValueMatcher {
        static Dates of(Relation relation, List<String> texts) {
            return new Dates(relation, compile(texts, PolicyDates::parse));
        }

        @Override
        public boolean matchesAny(String requestValue, RequestContext context) {
            Optional<Instant> time = PolicyDates.parse(requestValue);
            return time.isPresent() && values.stream()
                    .anyMatch(value -> relation.holds(time.get().compareTo(value)));
        }
    }

    /** Bool: {@code true} or {@code false}, in any case. */
    record Booleans(List<String> values) implements ValueMatcher {
        @Override
        public boolean matchesAny(String requestValue, RequestContext context) {
            return (requestValue.equalsIgnoreCase("true") || requestValue.equalsIgnoreCase("false"))
                    && values.stream().anyMatch(requestValue::equalsIgnoreCase);
        }
    }

    /** BinaryEquals: the request's value and the policy's are both base64; their bytes are compared. */
    record Binaries(List<byte[]> values) implements ValueMatcher {
        static Binaries of(List<String> texts) {
            return new Binaries(compile(texts, Binaries::decode));
        }

        @Override
        public boolean matchesAny(String requestValue, RequestContext context) {
            Optional<byte[]> bytes = decode(requestValue);
            return bytes.isPresent() && values.stream()
                    .anyMatch(value -> MessageDigest.isEqual(bytes.get(), value));
        }

        private static Optional<byte[]> decode(String base64) {
            try {
                return Optional.of(Base64.getDecoder().decode(base64));
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
        }
    }

    record IpAddresses(List<IpRange> values) implements ValueMatcher {
        static IpAddresses of(List<String> texts) {
            return new IpAddresses(compile(texts, IpRange::parse));
        }

        @Override
        public boolean matchesAny(String requestValue, RequestContext context) {
            return values.stream().anyMatch(range -> range.contains(requestValue));
        }
    }

    /** The policy values the family can read; the others could match nothing and are dropped. */
    private static <T> List<T> compile(List<String> texts, Function<String, Optional<T>> parser) {
        return texts.stream().map(parser).flatMap(Optional::stream).toList();
    }
}
