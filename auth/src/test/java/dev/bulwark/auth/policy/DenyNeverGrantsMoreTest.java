package dev.bulwark.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.AccountId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The monotonicity of explicit deny: whatever the policies and the request, adding a Deny
 * statement (to an identity-based policy, a session policy or the resource policy) never turns
 * a denied request into an allowed one. Stated for all requests at once: allowed after the
 * Deny implies allowed before it.
 *
 * <p>Policies are drawn from a small vocabulary so that statements and requests often meet:
 * a few KMS and Secrets Manager actions and resources in two accounts, action and resource
 * patterns with {@code *} and {@code ?}, principals of both accounts, and conditions on an
 * encryption context key and the principal's tag, including {@code ...IfExists}, negated and
 * {@code Null} operators (negations are where a careless engine would let a Deny allow).
 */
class DenyNeverGrantsMoreTest {
    private static final String HOME = "111122223333";
    private static final String OTHER = "444455556666";
    private static final List<String> ACTIONS =
            List.of("kms:Encrypt", "kms:Decrypt", "kms:DescribeKey", "secretsmanager:GetSecretValue");
    private static final List<String> ACTION_PATTERNS =
            List.of("*", "kms:*", "kms:Encrypt", "kms:Decrypt", "kms:De*", "kms:?ncrypt", "secretsmanager:*");
    private static final List<String> RESOURCES = List.of(
            "arn:aws:kms:us-east-1:" + HOME + ":key/k1", "arn:aws:kms:us-east-1:" + HOME + ":key/k2",
            "arn:aws:kms:us-east-1:" + OTHER + ":key/k3", "arn:aws:secretsmanager:us-east-1:" + HOME + ":secret:db-AbCdEf");
    private static final List<String> RESOURCE_PATTERNS = List.of("*", "arn:aws:kms:*:" + HOME + ":key/*",
            "arn:aws:kms:us-east-1:*:key/k?", "arn:aws:kms:us-east-1:" + HOME + ":key/k1", "arn:aws:secretsmanager:*");
    private static final List<String> PRINCIPAL_NAMES = List.of("\"*\"", "\"arn:aws:iam::" + HOME + ":root\"",
            "\"arn:aws:iam::" + OTHER + ":root\"", "\"arn:aws:iam::" + HOME + ":user/alice\"",
            "\"arn:aws:iam::" + HOME + ":role/ops\"");
    private static final List<String> CONDITIONS = List.of(
            "{\"StringEquals\":{\"kms:EncryptionContext:project\":\"alpha\"}}",
            "{\"StringNotEquals\":{\"kms:EncryptionContext:project\":\"alpha\"}}",
            "{\"StringLike\":{\"kms:EncryptionContext:project\":\"a*\"}}",
            "{\"StringEqualsIfExists\":{\"kms:EncryptionContext:project\":\"beta\"}}",
            "{\"StringNotEqualsIfExists\":{\"aws:PrincipalTag/team\":\"red\"}}",
            "{\"Null\":{\"kms:EncryptionContext:project\":\"true\"}}",
            "{\"Null\":{\"aws:PrincipalTag/team\":\"false\"}}",
            "{\"ForAnyValue:StringEquals\":{\"kms:EncryptionContextKeys\":[\"project\",\"stage\"]}}",
            "{\"ForAllValues:StringEquals\":{\"kms:EncryptionContextKeys\":[\"project\"]}}");

    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    /** A case: a request, the policies it is evaluated under, and a Deny to add to one of them. */
    record Case(RequestPrincipal principal, String action, String resource, RequestContext context,
            List<String> identityStatements, List<String> sessionStatements, List<String> resourceStatements,
            boolean keyPolicy, String deny, Where where) {
    }

    enum Where { IDENTITY, SESSION, RESOURCE }

    @Property(tries = 1000)
    void addingADenyNeverTurnsADeniedRequestIntoAnAllowedOne(@ForAll("cases") Case c) {
        PolicyDecision before = evaluator.evaluate(request(c, false));
        PolicyDecision after = evaluator.evaluate(request(c, true));

        if (after.allowed()) {
            assertThat(before.allowed()).as("allowed only after adding %s", c.deny()).isTrue();
        }
        if (!before.allowed()) {
            assertThat(after.allowed()).isFalse();
        }
    }

    @Property(tries = 1000)
    void aDenyThatAppliesAlwaysDeniesExplicitly(@ForAll("cases") Case c) {
        String denyAll = "{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"" + principalFor(c.where()) + "}";
        Case withDenyAll = new Case(c.principal(), c.action(), c.resource(), c.context(), c.identityStatements(),
                c.sessionStatements(), c.resourceStatements(), c.keyPolicy(), denyAll, c.where());

        assertThat(evaluator.evaluate(request(withDenyAll, true)).outcome())
                .isEqualTo(PolicyDecision.Outcome.EXPLICIT_DENY);
    }

    private static EvaluationRequest request(Case c, boolean withDeny) {
        List<String> identity = withAdded(c.identityStatements(), c.deny(), withDeny && c.where() == Where.IDENTITY);
        List<String> session = withAdded(c.sessionStatements(), c.deny(), withDeny && c.where() == Where.SESSION);
        List<String> resource = withAdded(c.resourceStatements(), c.deny(), withDeny && c.where() == Where.RESOURCE);
        EvaluationRequest.Builder builder = EvaluationRequest.builder().principal(c.principal()).action(c.action())
                .resource(c.resource()).context(c.context());
        if (!identity.isEmpty()) {
            builder.identityPolicies(List.of(policy("identity", identity, PolicyType.IDENTITY)));
        }
        if (!session.isEmpty()) {
            builder.sessionPolicies(List.of(policy("session", session, PolicyType.IDENTITY)));
        }
        if (!resource.isEmpty()) {
            AttachedPolicy attached = policy("resource", resource, PolicyType.RESOURCE);
            builder.resourcePolicy(c.keyPolicy() ? ResourcePolicy.mustAllow(attached) : ResourcePolicy.of(attached));
        }
        return builder.build();
    }

    private static List<String> withAdded(List<String> statements, String deny, boolean add) {
        List<String> all = new ArrayList<>(statements);
        if (add) {
            all.add(deny);
        }
        return all;
    }

    private static AttachedPolicy policy(String name, List<String> statements, PolicyType type) {
        String json = "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
        return new AttachedPolicy(name, PolicyDocument.parse(json, type));
    }

    private static String principalFor(Where where) {
        return where == Where.RESOURCE ? ",\"Principal\":{\"AWS\":\"*\"}" : "";
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<RequestPrincipal> principals = Arbitraries.of(
                AwsPrincipal.root(AccountId.of(HOME)),
                AwsPrincipal.user("arn:aws:iam::" + HOME + ":user/alice", "AIDAALICE").withTags(Map.of("team", "red")),
                AwsPrincipal.user("arn:aws:iam::" + HOME + ":user/bob", "AIDABOB"),
                AwsPrincipal.assumedRole("arn:aws:iam::" + HOME + ":role/ops", "AROAOPS", "s1"),
                AwsPrincipal.user("arn:aws:iam::" + OTHER + ":user/carol", "AIDACAROL"));
        Arbitrary<RequestContext> contexts = Arbitraries.subsetOf("project=alpha", "project=beta", "stage=prod")
                .map(DenyNeverGrantsMoreTest::encryptionContext);
        Arbitrary<Where> places = Arbitraries.of(Where.class);
        return Combinators.combine(principals, Arbitraries.of(ACTIONS), Arbitraries.of(RESOURCES), contexts,
                        statements(Where.IDENTITY), statements(Where.SESSION), statements(Where.RESOURCE),
                        Arbitraries.of(true, false))
                .flatAs((principal, action, resource, context, identity, session, resourceSide, keyPolicy) ->
                        places.flatMap(where -> statement("Deny", where).map(deny -> new Case(principal, action,
                                resource, context, identity, session, resourceSide, keyPolicy, deny, where))));
    }

    /** The encryption context keys of the request, from "key=value" pairs with distinct keys. */
    private static RequestContext encryptionContext(java.util.Set<String> pairs) {
        Map<String, String> context = pairs.stream().map(pair -> pair.split("="))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1], (first, second) -> first));
        RequestContext.Builder builder = RequestContext.builder();
        context.forEach((key, value) -> builder.put("kms:EncryptionContext:" + key, value));
        if (!context.isEmpty()) {
            builder.put("kms:EncryptionContextKeys", List.copyOf(context.keySet()));
        }
        return builder.build();
    }

    private static Arbitrary<List<String>> statements(Where where) {
        return Arbitraries.of("Allow", "Deny").flatMap(effect -> statement(effect, where))
                .list().ofMaxSize(3);
    }

    private static Arbitrary<String> statement(String effect, Where where) {
        Arbitrary<String> actions = Arbitraries.of(ACTION_PATTERNS).list().ofMinSize(1).ofMaxSize(2).uniqueElements()
                .map(DenyNeverGrantsMoreTest::jsonArray);
        Arbitrary<String> actionElements = Combinators.combine(Arbitraries.of("Action", "NotAction"), actions)
                .as((name, value) -> "\"" + name + "\":" + value);
        Arbitrary<String> resources = Arbitraries.of(RESOURCE_PATTERNS).list().ofMinSize(1).ofMaxSize(2)
                .uniqueElements().map(DenyNeverGrantsMoreTest::jsonArray);
        Arbitrary<String> resourceElements = Combinators.combine(Arbitraries.of("Resource", "NotResource"), resources)
                .as((name, value) -> "\"" + name + "\":" + value);
        Arbitrary<String> conditions = Arbitraries.of(CONDITIONS).injectNull(0.5)
                .map(condition -> condition == null ? "" : ",\"Condition\":" + condition);
        Arbitrary<String> principals = where != Where.RESOURCE ? Arbitraries.just("")
                : Arbitraries.of(PRINCIPAL_NAMES).map(name -> ",\"Principal\":{\"AWS\":" + name + "}");
        return Combinators.combine(actionElements, resourceElements, conditions, principals)
                .as((action, resource, condition, principal) ->
                        "{\"Effect\":\"" + effect + "\"," + action + "," + resource + condition + principal + "}");
    }

    private static String jsonArray(List<String> values) {
        return values.stream().map(value -> "\"" + value + "\"").collect(Collectors.joining(",", "[", "]"));
    }
}
