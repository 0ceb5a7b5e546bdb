package dev.bulwark.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.auth.policy.AttachedPolicy;
import dev.bulwark.auth.policy.AwsPrincipal;
import dev.bulwark.auth.policy.PolicyDocument;
import dev.bulwark.auth.policy.PolicyType;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import dev.bulwark.core.call.AuthorizationRequest;
import dev.bulwark.core.call.Authorizer;
import dev.bulwark.core.call.Caller;
import dev.bulwark.core.call.Principal;
import dev.bulwark.core.call.ResourceAccess;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyAuthorizerTest {
    private static final AccountId ACCOUNT = AccountId.of("111122223333");
    private static final String KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String ALICE_ARN = "arn:aws:iam::111122223333:user/alice";
    private static final Principal ALICE = new Principal(Principal.Type.IAM_USER, ACCOUNT, ALICE_ARN,
            "AIDAEXAMPLEALICE00001", "AKIAEXAMPLEALICE0001");
    private static final Principal ROOT = Principal.root(ACCOUNT, "AKIAEXAMPLEROOT00001");

    private static final String DEFAULT_KEY_POLICY = """
            {"Version":"2012-10-17","Id":"key-default-1","Statement":[{"Sid":"Enable IAM User Permissions",
             "Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}]}""";
    private static final String KEY_POLICY_WITHOUT_ROOT = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
             "Principal":{"AWS":"arn:aws:iam::111122223333:user/bob"},"Action":"kms:*","Resource":"*"}]}""";

    private static AttachedPolicy identityPolicy(String json) {
        return new AttachedPolicy("inline", PolicyDocument.parse(json, PolicyType.IDENTITY));
    }

    private static PolicyAuthorizer authorizerWhereAliceHas(String... policies) {
        List<AttachedPolicy> attached = java.util.Arrays.stream(policies).map(PolicyAuthorizerTest::identityPolicy).toList();
        return new PolicyAuthorizer(principal -> new IdentityPolicySource.PrincipalPolicies(
                AwsPrincipal.user(ALICE_ARN, "AIDAEXAMPLEALICE00001"), attached, List.of()));
    }

    private static Authorizer.Decision decide(Authorizer authorizer, Principal principal, String action,
            ResourceAccess access) {
        Caller caller = new Caller(principal, Region.US_EAST_1, "req-1", Instant.parse("2026-01-01T00:00:00Z"),
                "10.1.2.3", "test", false, authorizer);
        return authorizer.decide(caller, new AuthorizationRequest(principal, action, KEY, Map.of(), access));
    }

    @Test
    void aNewUserCanDoNothingUntilAPolicyAllowsIt() {
        Authorizer.Decision decision = decide(authorizerWhereAliceHas(), ALICE, "kms:Decrypt", ResourceAccess.NONE);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).isEqualTo("because no identity-based policy allows the kms:Decrypt action");
    }

    @Test
    void anIdentityPolicyAllowsThroughTheDefaultKeyPolicy() {
        PolicyAuthorizer authorizer = authorizerWhereAliceHas(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}]}");

        assertThat(decide(authorizer, ALICE, "kms:Decrypt", ResourceAccess.keyPolicy(DEFAULT_KEY_POLICY)).allowed()).isTrue();
        assertThat(decide(authorizer, ALICE, "kms:Encrypt", ResourceAccess.keyPolicy(DEFAULT_KEY_POLICY)).allowed()).isFalse();
    }

    @Test
    void aKeyPolicyThatDoesNotDelegateToIamOverridesIdentityPolicies() {
        PolicyAuthorizer authorizer = authorizerWhereAliceHas(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"kms:*\",\"Resource\":\"*\"}]}");

        assertThat(decide(authorizer, ALICE, "kms:Decrypt", ResourceAccess.keyPolicy(KEY_POLICY_WITHOUT_ROOT)).allowed())
                .isFalse();
        assertThat(decide(authorizer, ROOT, "kms:Decrypt", ResourceAccess.keyPolicy(KEY_POLICY_WITHOUT_ROOT)).allowed())
                .as("the key policy governs even the account root").isFalse();
    }

    @Test
    void theRootMayDoAnythingInItsAccountWithoutPolicies() {
        assertThat(decide(authorizerWhereAliceHas(), ROOT, "kms:ScheduleKeyDeletion", ResourceAccess.NONE).allowed()).isTrue();
    }

    @Test
    void aGrantAllowsWhatNoPolicyAllowsButNotWhatOneDenies() {
        ResourceAccess granted = ResourceAccess.keyPolicy(DEFAULT_KEY_POLICY).withGrant(() -> true);
        assertThat(decide(authorizerWhereAliceHas(), ALICE, "kms:Decrypt", granted).allowed()).isTrue();

        PolicyAuthorizer denying = authorizerWhereAliceHas(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}]}");
        assertThat(decide(denying, ALICE, "kms:Decrypt", granted).allowed()).isFalse();
    }

    @Test
    void globalConditionKeysComeFromTheRequest() {
        PolicyAuthorizer authorizer = authorizerWhereAliceHas("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"*",
                 "Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"},"Bool":{"aws:SecureTransport":"false"}}}]}""");

        assertThat(decide(authorizer, ALICE, "kms:Decrypt", ResourceAccess.NONE).allowed()).isTrue();
    }

    @Test
    void anUnreadableStoredResourcePolicyFailsClosed() {
        PolicyAuthorizer authorizer = authorizerWhereAliceHas(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"kms:*\",\"Resource\":\"*\"}]}");

        assertThat(decide(authorizer, ALICE, "kms:Decrypt", ResourceAccess.keyPolicy("{not json")).allowed()).isFalse();
    }

    @Test
    void aRoleTrustPolicyWhichHasNoResourceElementIsHonoured() {
        String trustNamingAlice = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                 "Principal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"sts:AssumeRole"}]}""";
        ResourceAccess trust = ResourceAccess.trustPolicy(trustNamingAlice);

        assertThat(decide(authorizerWhereAliceHas(), ALICE, "sts:AssumeRole", trust).allowed()).isTrue();
    }

    @Test
    void aCallForwardedByAServiceCarriesCalledViaAndNoClientAddress() {
        // AWS's documented pattern: deny calls from outside the network, except those a service
        // makes on the caller's behalf, which carry no client address.
        PolicyAuthorizer authorizer = authorizerWhereAliceHas("""
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Action":"kms:Decrypt","Resource":"*",
                  "Condition":{"ForAnyValue:StringEquals":{"aws:CalledVia":"ssm.amazonaws.com"}}},
                 {"Effect":"Deny","Action":"kms:Decrypt","Resource":"*",
                  "Condition":{"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"},"Bool":{"aws:ViaAWSService":"false"}}}]}""");
        Caller fromOutside = new Caller(ALICE, Region.US_EAST_1, "req-2", Instant.parse("2026-01-01T00:00:00Z"),
                "192.168.1.1", "test", false, authorizer);
        AuthorizationRequest decrypt = new AuthorizationRequest(ALICE, "kms:Decrypt", KEY, Map.of(), ResourceAccess.NONE);

        assertThat(authorizer.decide(fromOutside, decrypt).allowed()).isFalse();
        assertThat(authorizer.decide(fromOutside.via("ssm.amazonaws.com"), decrypt).allowed()).isTrue();
    }
}
