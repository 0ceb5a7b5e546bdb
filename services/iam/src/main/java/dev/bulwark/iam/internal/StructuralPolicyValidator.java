package dev.bulwark.iam.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.bulwark.iam.PolicyDocumentValidator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The interim policy validator, until the policy engine's parser is wired in: it checks the
 * structure of AWS's policy grammar and answers with the {@code MalformedPolicyDocument}
 * messages IAM gives for the common mistakes.
 *
 * <ul>
 *   <li>"Syntax errors in policy.": not JSON, duplicate keys, not an object, unknown top-level
 *       or statement elements, a Version other than 2008-10-17 or 2012-10-17, no statements,
 *       an Effect other than Allow or Deny, Action/Resource not a string or list of strings,
 *       both Action and NotAction (or Resource and NotResource), a Condition not a map of maps;</li>
 *   <li>"Policy statement must contain actions.";</li>
 *   <li>identity and session policies: "Policy statement must contain resources.",
 *       "Policy document should not specify a principal.";</li>
 *   <li>trust policies: "Missing required field Principal", "Has prohibited field Resource";</li>
 *   <li>"Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc." and
 *       "Actions/Condition can contain only one colon.";</li>
 *   <li>{@code Resource x must be in ARN format or "*".}</li>
 * </ul>
 *
 * It does not check condition operators, condition keys or policy variables: the engine does.
 */
public final class StructuralPolicyValidator implements PolicyDocumentValidator {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Set<String> TOP_LEVEL = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT = Set.of("Sid", "Effect", "Principal", "NotPrincipal", "Action",
            "NotAction", "Resource", "NotResource", "Condition");
    private static final Set<String> VERSIONS = Set.of("2008-10-17", "2012-10-17");
    private static final String SYNTAX = "Syntax errors in policy.";

    @Override
    public void validate(String document, Kind kind) {
        List<JsonNode> statements = statements(parse(document));
        for (JsonNode statement : statements) {
            checkSyntax(statement);
        }
        for (JsonNode statement : statements) {
            if (!statement.has("Action") && !statement.has("NotAction")) {
                throw IamErrors.malformedPolicyDocument("Policy statement must contain actions.");
            }
            if (kind == Kind.TRUST) {
                checkTrustStatement(statement);
            } else {
                checkIdentityStatement(statement);
            }
            strings(statement, "Action").forEach(StructuralPolicyValidator::checkAction);
            strings(statement, "NotAction").forEach(StructuralPolicyValidator::checkAction);
            strings(statement, "Resource").forEach(StructuralPolicyValidator::checkResource);
            strings(statement, "NotResource").forEach(StructuralPolicyValidator::checkResource);
        }
    }

    private static JsonNode parse(String document) {
        try {
            JsonNode root = JSON.readTree(document);
            if (root == null || !root.isObject()) {
                throw IamErrors.malformedPolicyDocument(SYNTAX);
            }
            return root;
        } catch (JsonProcessingException e) {
            throw IamErrors.malformedPolicyDocument(SYNTAX);
        }
    }

    private static List<JsonNode> statements(JsonNode root) {
        root.fieldNames().forEachRemaining(name -> requireSyntax(TOP_LEVEL.contains(name)));
        JsonNode version = root.get("Version");
        requireSyntax(version == null || version.isTextual() && VERSIONS.contains(version.asText()));
        requireSyntax(!root.has("Id") || root.get("Id").isTextual());
        JsonNode statement = root.get("Statement");
        requireSyntax(statement != null && (statement.isObject() || statement.isArray() && !statement.isEmpty()));
        List<JsonNode> statements = new ArrayList<>();
        if (statement.isObject()) {
            statements.add(statement);
        } else {
            statement.forEach(statements::add);
        }
        Set<String> sids = new HashSet<>();
        for (JsonNode each : statements) {
            requireSyntax(each.isObject());
            JsonNode sid = each.get("Sid");
            if (sid != null && sid.isTextual() && !sid.asText().isEmpty() && !sids.add(sid.asText())) {
                throw IamErrors.malformedPolicyDocument("Statement IDs (SID) in a single policy must be unique.");
            }
        }
        return statements;
    }

    private static void checkSyntax(JsonNode statement) {
        statement.fieldNames().forEachRemaining(name -> requireSyntax(STATEMENT.contains(name)));
        requireSyntax(!statement.has("Sid") || statement.get("Sid").isTextual());
        JsonNode effect = statement.get("Effect");
        requireSyntax(effect != null && effect.isTextual()
                && (effect.asText().equals("Allow") || effect.asText().equals("Deny")));
        requireSyntax(!(statement.has("Action") && statement.has("NotAction")));
        requireSyntax(!(statement.has("Resource") && statement.has("NotResource")));
        requireSyntax(!(statement.has("Principal") && statement.has("NotPrincipal")));
        for (String element : List.of("Action", "NotAction", "Resource", "NotResource")) {
            JsonNode value = statement.get(element);
            requireSyntax(value == null || isStringOrStrings(value));
        }
        for (String element : List.of("Principal", "NotPrincipal")) {
            JsonNode value = statement.get(element);
            requireSyntax(value == null || value.isTextual() && value.asText().equals("*") || isPrincipalMap(value));
        }
        JsonNode condition = statement.get("Condition");
        if (condition != null) {
            requireSyntax(condition.isObject());
            condition.forEach(operator -> {
                requireSyntax(operator.isObject());
                operator.forEach(values -> requireSyntax(isStringOrStrings(values) || values.isValueNode()));
            });
        }
    }

    private static void checkIdentityStatement(JsonNode statement) {
        if (statement.has("Principal") || statement.has("NotPrincipal")) {
            throw IamErrors.malformedPolicyDocument("Policy document should not specify a principal.");
        }
        if (!statement.has("Resource") && !statement.has("NotResource")) {
            throw IamErrors.malformedPolicyDocument("Policy statement must contain resources.");
        }
    }

    private static void checkTrustStatement(JsonNode statement) {
        if (!statement.has("Principal") && !statement.has("NotPrincipal")) {
            throw IamErrors.malformedPolicyDocument("Missing required field Principal");
        }
        if (statement.has("Resource") || statement.has("NotResource")) {
            throw IamErrors.malformedPolicyDocument("Has prohibited field Resource");
        }
    }

    private static void checkAction(String action) {
        if (action.equals("*")) {
            return;
        }
        String[] parts = action.split(":", -1);
        if (parts.length == 1) {
            throw IamErrors.malformedPolicyDocument(
                    "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.");
        }
        if (parts.length > 2) {
            throw IamErrors.malformedPolicyDocument("Actions/Condition can contain only one colon.");
        }
        if (!parts[0].matches("[a-zA-Z0-9\\-.]+")) {
            throw IamErrors.malformedPolicyDocument("Vendor " + parts[0] + " is not valid");
        }
    }

    private static void checkResource(String resource) {
        if (!resource.equals("*") && !resource.startsWith("arn:")) {
            throw IamErrors.malformedPolicyDocument("Resource " + resource + " must be in ARN format or \"*\".");
        }
    }

    private static boolean isStringOrStrings(JsonNode value) {
        if (value.isTextual()) {
            return true;
        }
        if (!value.isArray()) {
            return false;
        }
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** {@code {"AWS": ..., "Service": ..., "Federated": ..., "CanonicalUser": ...}}, each a string or list. */
    private static boolean isPrincipalMap(JsonNode value) {
        if (!value.isObject() || value.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            if (!Set.of("AWS", "Service", "Federated", "CanonicalUser").contains(field.getKey())
                    || !isStringOrStrings(field.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static List<String> strings(JsonNode statement, String element) {
        JsonNode value = statement.get(element);
        List<String> strings = new ArrayList<>();
        if (value == null) {
            return strings;
        }
        if (value.isTextual()) {
            strings.add(value.asText());
        } else {
            value.forEach(each -> strings.add(each.asText()));
        }
        return strings;
    }

    private static void requireSyntax(boolean condition) {
        if (!condition) {
            throw IamErrors.malformedPolicyDocument(SYNTAX);
        }
    }
}
