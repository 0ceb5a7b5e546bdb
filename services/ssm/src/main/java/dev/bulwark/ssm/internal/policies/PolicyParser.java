package dev.bulwark.ssm.internal.policies;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.ssm.internal.ParameterPolicy;
import dev.bulwark.ssm.internal.SsmErrors;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the Policies of a PutParameter: a JSON array of at most ten policies, one of each type,
 * in AWS's form:
 * <pre>
 * [{"Type":"Expiration","Version":"1.0","Attributes":{"Timestamp":"2026-12-02T21:34:33.000Z"}},
 *  {"Type":"ExpirationNotification","Version":"1.0","Attributes":{"Before":"15","Unit":"Days"}},
 *  {"Type":"NoChangeNotification","Version":"1.0","Attributes":{"After":"20","Unit":"Days"}}]
 * </pre>
 * An unknown type is InvalidPolicyTypeException; a missing, unknown or malformed attribute, or an
 * expiration that is not in the future, is InvalidPolicyAttributeException; two policies of one type,
 * or a notification about an expiration that is not there, is IncompatiblePolicyException.
 *
 * <p>Each policy is kept with the time it acts ({@link ParameterPolicy#dueAt}): the expiration time;
 * that time less the notice; or, for NoChangeNotification, the version's modification time plus the
 * period, which {@link #restarted} moves again whenever a new version is written.
 */
public final class PolicyParser {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final int MAX_POLICIES = 10;
    private static final String VERSION = "1.0";

    private PolicyParser() {
    }

    /**
     * Parses a request's policies for a version written at {@code modified}; {@code []} is an empty
     * list, which removes the parameter's policies.
     */
    public static List<ParameterPolicy> parse(String policies, Instant modified) {
        JsonNode root = readJson(policies);
        if (!root.isArray()) {
            throw SsmErrors.invalidPolicyAttribute("Policies must be a JSON array of policy objects.");
        }
        if (root.size() > MAX_POLICIES) {
            throw SsmErrors.tooManyPolicies();
        }
        List<ParameterPolicy> parsed = new ArrayList<>();
        Set<String> types = new HashSet<>();
        for (JsonNode policy : root) {
            ParameterPolicy one = parseOne(policy, modified);
            if (!types.add(one.type())) {
                throw SsmErrors.incompatiblePolicies();
            }
            parsed.add(one);
        }
        return withNotificationTimes(parsed);
    }

    /**
     * The policies a new version keeps when the request names none: all of them, as AWS keeps them;
     * a NoChangeNotification starts counting again from the new version.
     */
    public static List<ParameterPolicy> restarted(List<ParameterPolicy> policies, Instant modified) {
        return policies.stream()
                .map(policy -> policy.type().equals(ParameterPolicy.NO_CHANGE_NOTIFICATION)
                        ? new ParameterPolicy(policy.type(), policy.text(), ParameterPolicy.PENDING,
                                modified.plus(period(readJson(policy.text()).get("Attributes"), "After")))
                        : policy)
                .toList();
    }

    /**
     * Requires an Expiration to lie in the future. Applied to the policies a request sends, not to
     * those a new version keeps (which may be about to act).
     */
    public static void requireFuture(List<ParameterPolicy> policies, Instant now) {
        ParameterPolicy.ofType(policies, ParameterPolicy.EXPIRATION)
                .filter(expiration -> !expiration.dueAt().isAfter(now))
                .ifPresent(expiration -> {
                    throw SsmErrors.invalidPolicyAttribute("The Expiration Timestamp must be in the future.");
                });
    }

    private static ParameterPolicy parseOne(JsonNode policy, Instant modified) {
        if (!policy.isObject()) {
            throw SsmErrors.invalidPolicyAttribute("Each policy must be a JSON object.");
        }
        String type = policy.path("Type").asText("");
        JsonNode version = policy.get("Version");
        if (version != null && !VERSION.equals(version.asText())) {
            throw SsmErrors.invalidPolicyAttribute("The policy Version must be 1.0.");
        }
        Iterator<String> fields = policy.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            if (!Set.of("Type", "Version", "Attributes").contains(field)) {
                throw SsmErrors.invalidPolicyAttribute("Unknown policy field " + field + ".");
            }
        }
        JsonNode attributes = policy.path("Attributes");
        String text = compact(policy);
        return switch (type) {
            case ParameterPolicy.EXPIRATION -> {
                requireOnly(attributes, "Timestamp");
                yield new ParameterPolicy(type, text, ParameterPolicy.PENDING, timestamp(attributes));
            }
            case ParameterPolicy.EXPIRATION_NOTIFICATION -> {
                requireOnly(attributes, "Before", "Unit");
                period(attributes, "Before");
                // Due a notice before the expiration, which is known once every policy is read.
                yield new ParameterPolicy(type, text, ParameterPolicy.PENDING, null);
            }
            case ParameterPolicy.NO_CHANGE_NOTIFICATION -> {
                requireOnly(attributes, "After", "Unit");
                yield new ParameterPolicy(type, text, ParameterPolicy.PENDING, modified.plus(period(attributes, "After")));
            }
            default -> throw SsmErrors.invalidPolicyType();
        };
    }

    private static List<ParameterPolicy> withNotificationTimes(List<ParameterPolicy> policies) {
        if (ParameterPolicy.ofType(policies, ParameterPolicy.EXPIRATION_NOTIFICATION).isEmpty()) {
            return policies;
        }
        Instant expiration = ParameterPolicy.ofType(policies, ParameterPolicy.EXPIRATION)
                .map(ParameterPolicy::dueAt)
                .orElseThrow(SsmErrors::incompatiblePolicies);
        return policies.stream()
                .map(policy -> policy.type().equals(ParameterPolicy.EXPIRATION_NOTIFICATION)
                        ? policy.dueAt(expiration.minus(period(readJson(policy.text()).get("Attributes"), "Before")))
                        : policy)
                .toList();
    }

    private static void requireOnly(JsonNode attributes, String... names) {
        if (!attributes.isObject()) {
            throw SsmErrors.invalidPolicyAttribute("The policy needs Attributes.");
        }
        Set<String> allowed = Set.of(names);
        Iterator<String> fields = attributes.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            if (!allowed.contains(field)) {
                throw SsmErrors.invalidPolicyAttribute("Unknown attribute " + field + ".");
            }
        }
    }

    private static Instant timestamp(JsonNode attributes) {
        JsonNode value = attributes.get("Timestamp");
        if (value == null || !value.isTextual()) {
            throw SsmErrors.invalidPolicyAttribute("Expiration needs a Timestamp.");
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException notIso) {
            throw SsmErrors.invalidPolicyAttribute("The Timestamp must be an ISO 8601 date and time, such as 2026-12-02T21:34:33.000Z.");
        }
    }

    /** A positive whole number ({@code "15"} or {@code 15}) of {@code Days} or {@code Hours}. */
    private static Duration period(JsonNode attributes, String attribute) {
        JsonNode amount = attributes.get(attribute);
        String unit = attributes.path("Unit").asText("");
        long count;
        try {
            count = amount == null ? -1 : Long.parseLong(amount.asText());
        } catch (NumberFormatException notANumber) {
            count = -1;
        }
        if (count < 1 || count > 100_000) {
            throw SsmErrors.invalidPolicyAttribute(attribute + " must be a positive whole number.");
        }
        return switch (unit) {
            case "Days" -> Duration.ofDays(count);
            case "Hours" -> Duration.ofHours(count);
            default -> throw SsmErrors.invalidPolicyAttribute("Unit must be Days or Hours.");
        };
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException notJson) {
            throw SsmErrors.invalidPolicyAttribute("The policies are not valid JSON.");
        }
    }

    private static String compact(JsonNode policy) {
        try {
            return JSON.writeValueAsString((ObjectNode) policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree is always writable", e);
        }
    }
}
