package dev.bulwark.auth.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.bulwark.auth.policy.PrincipalElement.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a policy document and validates it in IAM's order, so that a document with several
 * faults gets the message IAM would give first.
 *
 * <h2>The order</h2>
 * <ol>
 *   <li>Syntax ("Syntax errors in policy."): JSON (duplicate keys included), known elements
 *       only, Version one of the two, a non-empty Statement, Effect {@code allow}/{@code deny}
 *       in any case, element types, known condition operators (an unknown one is tolerated with
 *       an empty block), not both an element and its Not form.
 *   <li>For identity policies, Version 2012-10-17.
 *   <li>"Legacy parsing": Effect exactly {@code Allow} or {@code Deny}, Date condition values
 *       readable, resource entries well formed (see {@link ResourceFormat}).
 *   <li>Principal present (resource and trust policies) or absent (identity policies).
 *   <li>Unique Sids; actions present; the first resource format error; action vendors.
 *   <li>Principal values; then the remaining rules of the policy type.
 * </ol>
 * The order and the messages follow what IAM answers; where IAM's behaviour is not known the
 * check sits where it fits best, with the message IAM uses for the same fault elsewhere.
 */
final class PolicyParser {
    private static final String SYNTAX_ERRORS = "Syntax errors in policy.";
    private static final String VERSION_TOO_OLD = "Policy document must be version 2012-10-17 or greater.";
    private static final String LEGACY_PARSING = "The policy failed legacy parsing";
    private static final String NO_PRINCIPAL_ALLOWED = "Policy document should not specify a principal.";
    private static final String PRINCIPAL_REQUIRED = "Missing required field Principal";
    private static final String DUPLICATE_SIDS = "Statement IDs (SID) in a single policy must be unique.";
    private static final String SID_NOT_ALPHANUMERIC = "Statement IDs (SID) must be alpha-numeric. "
            + "Check that your input satisfies the regular expression [0-9A-Za-z]*";
    private static final String ACTIONS_REQUIRED = "Policy statement must contain actions.";
    private static final String RESOURCES_REQUIRED = "Policy statement must contain resources.";
    private static final String RESOURCE_PROHIBITED = "Has prohibited field Resource";
    private static final String NO_VENDOR =
            "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.";
    private static final String ONE_COLON = "Actions/Condition can contain only one colon.";
    private static final String TRUST_ACTIONS = "AssumeRole policy may only specify STS AssumeRole actions.";

    private static final Set<String> DOCUMENT_ELEMENTS = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_ELEMENTS = Set.of(
            "Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "NotPrincipal",
            "Condition");
    private static final Pattern VENDOR = Pattern.compile("[a-zA-Z0-9.-]*");
    private static final Pattern ALPHANUMERIC = Pattern.compile("[0-9A-Za-z]*");
    private static final Pattern AWS_PRINCIPAL = Pattern.compile("\\*|\\d{12}"
            + "|arn:aws[a-z-]*:iam::\\d{12}:(root|(user|role)/[^*?]+)"
            + "|arn:aws[a-z-]*:sts::\\d{12}:(assumed-role/[^/*?]+/[^/*?]+|federated-user/[^/*?]+)");
    private static final Pattern NAME_WITHOUT_WILDCARDS = Pattern.compile("[^*?\\s]+");
    private static final List<String> TRUST_POLICY_ACTIONS = List.of("sts:AssumeRole", "sts:AssumeRoleWithSAML",
            "sts:AssumeRoleWithWebIdentity", "sts:TagSession", "sts:SetSourceIdentity", "sts:SetContext");

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Numbers keep the text they were written with: 1.50 stays "1.50" for string operators.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /** A statement as read, before its checks and compilation. */
    private record RawStatement(String sid, String effect, List<String> actions, boolean notAction,
            List<String> resources, boolean notResource, RawPrincipal principal, boolean notPrincipal,
            List<RawCondition> conditions) {
    }

    /** Everyone, or principals by the key they were written under (unknown keys kept for the message). */
    private record RawPrincipal(boolean everyone, Map<String, List<String>> byKey) {
    }

    private record RawCondition(String operatorName, ConditionOperator operator, String key, List<String> values) {
    }

    private PolicyParser() {
    }

    static PolicyDocument parse(String json, Optional<PolicyType> type) {
        JsonNode root = readJson(json);
        Optional<PolicyVersion> version = root.has("Version")
                ? Optional.of(PolicyVersion.of(root.get("Version").asText()).orElseThrow(PolicyParser::syntaxError))
                : Optional.empty();
        String id = root.has("Id") ? text(root.get("Id")) : null;
        List<RawStatement> statements = readStatements(root.get("Statement"));

        if (type.equals(Optional.of(PolicyType.IDENTITY)) && !version.equals(Optional.of(PolicyVersion.V2012_10_17))) {
            throw new MalformedPolicyException(VERSION_TOO_OLD);
        }
        Optional<String> resourceFormatError = checkLegacyParsing(statements);
        if (type.isPresent()) {
            checkPrincipalPresence(statements, type.get());
            checkUniqueSids(statements);
        }
        checkActionsPresent(statements);
        resourceFormatError.ifPresent(message -> {
            throw new MalformedPolicyException(message);
        });
        checkActionVendors(statements);
        checkPrincipalValues(statements);
        type.ifPresent(t -> checkTypeRules(statements, t));

        boolean variables = version.map(PolicyVersion::hasVariables).orElse(false);
        return new PolicyDocument(version.orElse(null), id,
                statements.stream().map(statement -> build(statement, variables)).toList());
    }

    // ---- syntax ----

    private static JsonNode readJson(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException notJson) {
            throw syntaxError();
        }
        if (root == null || !root.isObject()) {
            throw syntaxError();
        }
        root.fieldNames().forEachRemaining(name -> require(DOCUMENT_ELEMENTS.contains(name)));
        require(!root.has("Version") || root.get("Version").isTextual());
        return root;
    }

    private static List<RawStatement> readStatements(JsonNode node) {
        require(node != null && (node.isObject() || node.isArray() && !node.isEmpty()));
        List<RawStatement> statements = new ArrayList<>();
        for (JsonNode statement : node.isObject() ? List.of(node) : node) {
            statements.add(readStatement(statement));
        }
        return statements;
    }

    private static RawStatement readStatement(JsonNode node) {
        require(node.isObject());
        node.fieldNames().forEachRemaining(name -> require(STATEMENT_ELEMENTS.contains(name)));
        require(!(node.has("Action") && node.has("NotAction")));
        require(!(node.has("Resource") && node.has("NotResource")));
        require(!(node.has("Principal") && node.has("NotPrincipal")));
        String effect = text(node.get("Effect"));
        require(effect.equalsIgnoreCase("Allow") || effect.equalsIgnoreCase("Deny"));
        boolean notAction = node.has("NotAction");
        boolean notResource = node.has("NotResource");
        boolean notPrincipal = node.has("NotPrincipal");
        JsonNode actions = node.get(notAction ? "NotAction" : "Action");
        JsonNode resources = node.get(notResource ? "NotResource" : "Resource");
        JsonNode principal = node.get(notPrincipal ? "NotPrincipal" : "Principal");
        return new RawStatement(
                node.has("Sid") ? text(node.get("Sid")) : null,
                effect,
                actions == null ? null : textList(actions),
                notAction,
                resources == null ? null : textList(resources),
                notResource,
                principal == null ? null : readPrincipal(principal),
                notPrincipal,
                node.has("Condition") ? readConditions(node.get("Condition")) : List.of());
    }

    private static RawPrincipal readPrincipal(JsonNode node) {
        if (node.isTextual()) {
            require(node.asText().equals("*"));
            return new RawPrincipal(true, Map.of());
        }
        require(node.isObject() && !node.isEmpty());
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            List<String> values = textList(entry.getValue());
            require(!values.isEmpty());
            byKey.put(entry.getKey(), values);
        }
        return new RawPrincipal(false, byKey);
    }

    private static List<RawCondition> readConditions(JsonNode node) {
        require(node.isObject());
        List<RawCondition> conditions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> block : node.properties()) {
            JsonNode keys = block.getValue();
            require(keys.isObject());
            if (keys.isEmpty()) {
                continue; // IAM accepts any operator name with an empty block; it tests nothing.
            }
            ConditionOperator operator = ConditionOperator.parse(block.getKey()).orElseThrow(PolicyParser::syntaxError);
            for (Map.Entry<String, JsonNode> entry : keys.properties()) {
                List<String> values = conditionValues(entry.getValue());
                conditions.add(new RawCondition(block.getKey(), operator, entry.getKey(), values));
            }
        }
        return conditions;
    }

    /** Strings, numbers and booleans, alone or in a list; AWS compares them all as their text. */
    private static List<String> conditionValues(JsonNode node) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : node.isArray() ? node : List.of(node)) {
            require(value.isTextual() || value.isNumber() || value.isBoolean());
            values.add(value.asText());
        }
        return values;
    }

    private static List<String> textList(JsonNode node) {
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        require(node.isArray());
        List<String> values = new ArrayList<>();
        node.forEach(value -> values.add(text(value)));
        return values;
    }

    private static String text(JsonNode node) {
        require(node != null && node.isTextual());
        return node.asText();
    }

    private static void require(boolean wellFormed) {
        if (!wellFormed) {
            throw syntaxError();
        }
    }

    private static MalformedPolicyException syntaxError() {
        return new MalformedPolicyException(SYNTAX_ERRORS);
    }

    // ---- checks after syntax ----

    /** Fails on a legacy-parsing fault; returns the first resource format error, which IAM reports later. */
    private static Optional<String> checkLegacyParsing(List<RawStatement> statements) {
        for (RawStatement statement : statements) {
            if (!statement.effect().equals("Allow") && !statement.effect().equals("Deny")) {
                throw new MalformedPolicyException(LEGACY_PARSING);
            }
            for (RawCondition condition : statement.conditions()) {
                if (condition.operator().base().isDate()
                        && !condition.values().stream().allMatch(value -> PolicyDates.parse(value).isPresent())) {
                    throw new MalformedPolicyException(LEGACY_PARSING);
                }
            }
        }
        Optional<String> formatError = Optional.empty();
        for (RawStatement statement : statements) {
            for (String resource : statement.resources() == null ? List.<String>of() : statement.resources()) {
                Optional<String> error = ResourceFormat.formatError(resource);
                if (formatError.isEmpty() && error.isPresent()) {
                    formatError = error;
                }
                // IAM stops its legacy check of resources at the first malformed one.
                if (formatError.isEmpty() && !ResourceFormat.passesLegacyParsing(resource)) {
                    throw new MalformedPolicyException(LEGACY_PARSING);
                }
            }
        }
        return formatError;
    }

    private static void checkPrincipalPresence(List<RawStatement> statements, PolicyType type) {
        for (RawStatement statement : statements) {
            boolean hasPrincipal = statement.principal() != null;
            if (type == PolicyType.IDENTITY && hasPrincipal) {
                throw new MalformedPolicyException(NO_PRINCIPAL_ALLOWED);
            }
            if (type != PolicyType.IDENTITY && !hasPrincipal) {
                throw new MalformedPolicyException(PRINCIPAL_REQUIRED);
            }
        }
    }

    private static void checkUniqueSids(List<RawStatement> statements) {
        Set<String> seen = new HashSet<>();
        for (RawStatement statement : statements) {
            String sid = statement.sid();
            if (sid != null && !sid.isEmpty() && !seen.add(sid)) {
                throw new MalformedPolicyException(DUPLICATE_SIDS);
            }
        }
    }

    private static void checkActionsPresent(List<RawStatement> statements) {
        for (RawStatement statement : statements) {
            if (statement.actions() == null || statement.actions().isEmpty()) {
                throw new MalformedPolicyException(ACTIONS_REQUIRED);
            }
        }
    }

    private static void checkActionVendors(List<RawStatement> statements) {
        for (RawStatement statement : statements) {
            for (String action : statement.actions()) {
                String[] parts = action.split(":", -1);
                if (parts.length == 1 && !action.equals("*")) {
                    throw new MalformedPolicyException(NO_VENDOR);
                }
                if (parts.length > 2) {
                    throw new MalformedPolicyException(ONE_COLON);
                }
                if (!parts[0].equals("*") && !VENDOR.matcher(parts[0]).matches()) {
                    throw new MalformedPolicyException("Vendor " + parts[0] + " is not valid");
                }
            }
        }
    }

    private static void checkPrincipalValues(List<RawStatement> statements) {
        for (RawStatement statement : statements) {
            RawPrincipal principal = statement.principal();
            if (principal == null) {
                continue;
            }
            principal.byKey().forEach((key, values) -> {
                Optional<Kind> kind = kind(key);
                for (String value : values) {
                    boolean valid = kind.isPresent() && (kind.get() == Kind.AWS ? AWS_PRINCIPAL.matcher(value).matches()
                            : NAME_WITHOUT_WILDCARDS.matcher(value).matches());
                    if (!valid) {
                        throw new MalformedPolicyException("Invalid principal in policy: \""
                                + key.toUpperCase(Locale.ROOT) + "\":\"" + value + "\"");
                    }
                }
            });
        }
    }

    private static void checkTypeRules(List<RawStatement> statements, PolicyType type) {
        for (RawStatement statement : statements) {
            switch (type) {
                case IDENTITY -> {
                    requireResources(statement);
                    if (statement.sid() != null && !ALPHANUMERIC.matcher(statement.sid()).matches()) {
                        throw new MalformedPolicyException(SID_NOT_ALPHANUMERIC);
                    }
                }
                case RESOURCE -> requireResources(statement);
                case TRUST -> {
                    if (!statement.notAction() && !statement.actions().stream().allMatch(PolicyParser::isTrustAction)) {
                        throw new MalformedPolicyException(TRUST_ACTIONS);
                    }
                    if (statement.resources() != null) {
                        throw new MalformedPolicyException(RESOURCE_PROHIBITED);
                    }
                }
            }
        }
    }

    private static void requireResources(RawStatement statement) {
        if (statement.resources() == null || statement.resources().isEmpty()) {
            throw new MalformedPolicyException(RESOURCES_REQUIRED);
        }
    }

    private static boolean isTrustAction(String action) {
        Glob pattern = Glob.of(action);
        return TRUST_POLICY_ACTIONS.stream().anyMatch(allowed -> pattern.matches(allowed, true));
    }

    private static Optional<Kind> kind(String key) {
        for (Kind kind : Kind.values()) {
            if (kind.key().equals(key)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    // ---- the model ----

    private static Statement build(RawStatement raw, boolean variables) {
        PrincipalElement principal = null;
        if (raw.principal() != null) {
            Map<Kind, List<String>> byKind = new EnumMap<>(Kind.class);
            raw.principal().byKey().forEach((key, values) -> byKind.put(kind(key).orElseThrow(), values));
            principal = raw.principal().everyone() ? PrincipalElement.everyone() : PrincipalElement.of(byKind);
        }
        List<Condition> conditions = raw.conditions().stream()
                .map(c -> new Condition(c.operatorName(), c.operator(), c.key(), c.values(), variables))
                .toList();
        return new Statement(raw.sid(), raw.effect().equals("Allow") ? Effect.ALLOW : Effect.DENY, raw.actions(),
                raw.notAction(), raw.resources(), raw.notResource(), principal, raw.notPrincipal(), conditions,
                variables);
    }
}
