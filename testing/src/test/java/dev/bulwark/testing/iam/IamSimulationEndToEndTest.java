package dev.bulwark.testing.iam;

import static dev.bulwark.testing.iam.IamTesting.ACCOUNT;
import static dev.bulwark.testing.iam.IamTesting.allow;
import static dev.bulwark.testing.iam.IamTesting.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.bulwark.testing.BulwarkTestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.iam.model.PolicySourceType;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyResponse;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyResponse;

/** The policy simulator answers as the policy engine decides real requests. */
class IamSimulationEndToEndTest {
    private static final String KEY = "arn:aws:kms:us-east-1:" + ACCOUNT + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String PROJECT_CONDITION = """
            {"Version":"2012-10-17","Statement":[{"Sid":"AlphaOnly","Effect":"Allow","Action":"kms:Encrypt",
             "Resource":"*","Condition":{"StringEquals":{"kms:EncryptionContext:project":"alpha"}}}]}""";
    private static BulwarkTestServer server;
    private static IamClient iam;

    @BeforeAll
    static void start() {
        server = BulwarkTestServer.start();
        iam = server.client(IamClient.builder());
    }

    @AfterAll
    static void stop() {
        iam.close();
        server.close();
    }

    @Test
    void simulatePrincipalPolicyEvaluatesAUsersOwnAndGroupPolicies() {
        iam.createUser(r -> r.userName("sim-alice"));
        iam.putUserPolicy(r -> r.userName("sim-alice").policyName("encrypt").policyDocument(allow("kms:Encrypt")));
        iam.createGroup(r -> r.groupName("sim-no-decrypt"));
        iam.putGroupPolicy(r -> r.groupName("sim-no-decrypt").policyName("deny-decrypt").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"kms:Decrypt","Resource":"*"}]}"""));
        iam.addUserToGroup(r -> r.groupName("sim-no-decrypt").userName("sim-alice"));

        SimulatePrincipalPolicyResponse response = iam.simulatePrincipalPolicy(r -> r
                .policySourceArn("arn:aws:iam::" + ACCOUNT + ":user/sim-alice")
                .actionNames("kms:Encrypt", "kms:Decrypt", "kms:Sign").resourceArns(KEY));

        assertThat(response.isTruncated()).isFalse();
        assertThat(response.evaluationResults()).extracting(EvaluationResult::evalActionName,
                EvaluationResult::evalResourceName, EvaluationResult::evalDecision).containsExactly(
                        tuple("kms:Encrypt", KEY, PolicyEvaluationDecisionType.ALLOWED),
                        tuple("kms:Decrypt", KEY, PolicyEvaluationDecisionType.EXPLICIT_DENY),
                        tuple("kms:Sign", KEY, PolicyEvaluationDecisionType.IMPLICIT_DENY));
        EvaluationResult encrypt = response.evaluationResults().get(0);
        assertThat(encrypt.matchedStatements()).singleElement().satisfies(statement -> {
            assertThat(statement.sourcePolicyId()).isEqualTo("encrypt");
            assertThat(statement.sourcePolicyType()).isEqualTo(PolicySourceType.USER);
        });
        assertThat(encrypt.resourceSpecificResults()).singleElement()
                .satisfies(result -> assertThat(result.evalResourceName()).isEqualTo(KEY));
        assertThat(response.evaluationResults().get(1).matchedStatements()).singleElement()
                .satisfies(statement -> assertThat(statement.sourcePolicyType()).isEqualTo(PolicySourceType.GROUP));
        assertThat(response.evaluationResults().get(2).matchedStatements()).isEmpty();
    }

    @Test
    void simulateCustomPolicyReadsContextEntriesAndReportsMissingOnes() {
        SimulateCustomPolicyResponse alpha = iam.simulateCustomPolicy(r -> r.policyInputList(PROJECT_CONDITION)
                .actionNames("kms:Encrypt").contextEntries(project("alpha")));
        SimulateCustomPolicyResponse beta = iam.simulateCustomPolicy(r -> r.policyInputList(PROJECT_CONDITION)
                .actionNames("kms:Encrypt").contextEntries(project("beta")));
        SimulateCustomPolicyResponse none = iam.simulateCustomPolicy(r -> r.policyInputList(PROJECT_CONDITION)
                .actionNames("kms:Encrypt"));

        EvaluationResult allowed = alpha.evaluationResults().getFirst();
        assertThat(allowed.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        assertThat(allowed.evalResourceName()).isEqualTo("*");
        assertThat(allowed.matchedStatements()).singleElement()
                .satisfies(statement -> assertThat(statement.sourcePolicyId()).isEqualTo("PolicyInputList.1"));
        assertThat(allowed.missingContextValues()).isEmpty();
        assertThat(beta.evaluationResults().getFirst().evalDecision())
                .isEqualTo(PolicyEvaluationDecisionType.IMPLICIT_DENY);
        assertThat(none.evaluationResults().getFirst().missingContextValues())
                .containsExactly("kms:EncryptionContext:project");
    }

    @Test
    void aKeyPolicyGivenAsResourcePolicyMustAllowAsKmsRequires() {
        String keyPolicyNamingOthers = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                 "Principal":{"AWS":"arn:aws:iam::%s:user/someone-else"},"Action":"kms:*","Resource":"*"}]}"""
                .formatted(ACCOUNT);
        iam.createUser(r -> r.userName("sim-bob"));

        SimulateCustomPolicyResponse response = iam.simulateCustomPolicy(r -> r.policyInputList(allow("kms:*"))
                .actionNames("kms:Encrypt").resourceArns(KEY).resourcePolicy(keyPolicyNamingOthers)
                .callerArn("arn:aws:iam::" + ACCOUNT + ":user/sim-bob"));

        assertThat(response.evaluationResults().getFirst().evalDecision())
                .isEqualTo(PolicyEvaluationDecisionType.IMPLICIT_DENY);
    }

    @Test
    void aPermissionsBoundaryLimitsWhatThePoliciesAllow() {
        SimulateCustomPolicyResponse response = iam.simulateCustomPolicy(r -> r.policyInputList(allow("kms:*"))
                .permissionsBoundaryPolicyInputList(allow("kms:Encrypt")).actionNames("kms:Encrypt", "kms:Decrypt"));

        assertThat(response.evaluationResults()).extracting(EvaluationResult::evalDecision).containsExactly(
                PolicyEvaluationDecisionType.ALLOWED, PolicyEvaluationDecisionType.IMPLICIT_DENY);
        assertThat(response.evaluationResults().get(1).permissionsBoundaryDecisionDetail()
                .allowedByPermissionsBoundary()).isFalse();
    }

    @Test
    void resultsArePagedWithMaxItemsAndMarker() {
        List<String> actions = List.of("kms:Encrypt", "kms:Decrypt", "kms:Sign");
        SimulateCustomPolicyResponse first = iam.simulateCustomPolicy(r -> r.policyInputList(allow("kms:*"))
                .actionNames(actions).maxItems(2));
        SimulateCustomPolicyResponse rest = iam.simulateCustomPolicy(r -> r.policyInputList(allow("kms:*"))
                .actionNames(actions).maxItems(2).marker(first.marker()));

        assertThat(first.isTruncated()).isTrue();
        assertThat(first.evaluationResults()).extracting(EvaluationResult::evalActionName)
                .containsExactly("kms:Encrypt", "kms:Decrypt");
        assertThat(rest.isTruncated()).isFalse();
        assertThat(rest.evaluationResults()).extracting(EvaluationResult::evalActionName).containsExactly("kms:Sign");
    }

    @Test
    void simulatingAnUnknownPrincipalOrAMalformedPolicyFailsAsIamDoes() {
        assertFails(() -> iam.simulatePrincipalPolicy(r -> r.policySourceArn("arn:aws:iam::" + ACCOUNT + ":role/nobody")
                .actionNames("kms:Encrypt")), "NoSuchEntity", 404, "The role with name nobody cannot be found.");
        assertThat(catchThrowableOfType(
                IamException.class,
                () -> iam.simulateCustomPolicy(r -> r.policyInputList("{\"Statement\":[}").actionNames("kms:Encrypt")))
                .awsErrorDetails().errorCode()).isEqualTo("MalformedPolicyDocument");
        assertThat(catchThrowableOfType(
                IamException.class,
                () -> iam.simulateCustomPolicy(r -> r.policyInputList(allow("kms:*")).actionNames("kms:Encrypt")
                        .resourcePolicy(allow("kms:*"))))
                .awsErrorDetails().errorCode()).isEqualTo("InvalidInput");
    }

    private static ContextEntry project(String value) {
        return ContextEntry.builder().contextKeyName("kms:EncryptionContext:project").contextKeyValues(value)
                .contextKeyType(ContextKeyTypeEnum.STRING).build();
    }
}
