package dev.bulwark.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.auth.policy.PolicyDecision.Outcome;
import dev.bulwark.core.AccountId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PolicyEvaluatorTest {
    private static final AccountId ACCOUNT = AccountId.of("111122223333");
    private static final AccountId OTHER_ACCOUNT = AccountId.of("444455556666");
    private static final String KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String SECRET = "arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf";
    private static final String GET_SECRET = "secretsmanager:GetSecretValue";
    private static final AwsPrincipal ROOT = AwsPrincipal.root(ACCOUNT);
    private static final String ALICE_ARN = "arn:aws:iam::111122223333:user/alice";
    private static final AwsPrincipal ALICE = AwsPrincipal.user(ALICE_ARN, "AIDAALICE");
    private static final String BOB_ARN = "arn:aws:iam::444455556666:user/bob";
    private static final AwsPrincipal BOB = AwsPrincipal.user(BOB_ARN, "AIDABOB");
    private static final String ADMIN_ROLE_ARN = "arn:aws:iam::111122223333:role/ops/Admin";
    private static final AwsPrincipal ADMIN_SESSION = AwsPrincipal.assumedRole(ADMIN_ROLE_ARN, "AROAADMIN", "alice");
    private static final String ADMIN_SESSION_ARN = "arn:aws:sts::111122223333:assumed-role/Admin/alice";

    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    @Test
    void withoutAnyPolicyAPrincipalIsImplicitlyDenied() {
        PolicyDecision decision = evaluate(request(ALICE, "kms:Decrypt", KEY));

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(decision.reason()).isEqualTo("because no identity-based policy allows the kms:Decrypt action");
        assertThat(decision.statements()).isEmpty();
    }

    @Test
    void anIdentityBasedAllowSufficesWithinTheAccount() {
        PolicyDecision decision = evaluate(request(ALICE, "kms:Decrypt", KEY)
                .identityPolicies(List.of(identity("AllowKms", allow("kms:Decrypt", KEY)))));

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(decision.reason()).isEmpty();
        assertThat(decision.statements()).singleElement().satisfies(deciding -> {
            assertThat(deciding.source()).isEqualTo(PolicySource.IDENTITY_BASED);
            assertThat(deciding.policyName()).isEqualTo("AllowKms");
        });
    }

    @Test
    void anExplicitDenyBeatsEveryAllow() {
        PolicyDecision decision = evaluate(request(ALICE, "kms:Decrypt", KEY).identityPolicies(List.of(
                identity("Admin", allow("*", "*")), identity("NoDecrypt", deny("kms:Decrypt", "*")))));

        assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(decision.reason()).isEqualTo("with an explicit deny in an identity-based policy");
        assertThat(decision.statements()).extracting(DecidingStatement::policyName).containsExactly("NoDecrypt");
    }

    @Test
    void anExplicitDenyInTheResourcePolicyBeatsAnIdentityAllow() {
        PolicyDecision decision = evaluate(request(ALICE, GET_SECRET, SECRET)
                .identityPolicies(List.of(identity("Admin", allow("*", "*"))))
                .resourcePolicy(resourcePolicy(denyTo(aws("*"), GET_SECRET))));

        assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(decision.reason()).isEqualTo("with an explicit deny in a resource-based policy");
    }

    @Test
    void aResourcePolicyNamingThePrincipalAllowsWithinTheAccountWithoutIdentityPolicies() {
        PolicyDecision decision = evaluate(request(ALICE, GET_SECRET, SECRET)
                .resourcePolicy(resourcePolicy(allowTo(aws(ALICE_ARN), GET_SECRET))));

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(decision.statements()).extracting(DecidingStatement::source)
                .containsExactly(PolicySource.RESOURCE_BASED);
    }

    @Test
    void aResourcePolicyNamingOnlyTheAccountDelegatesToIdentityPolicies() {
        ResourcePolicy namesAccount = resourcePolicy(allowTo(aws("111122223333"), GET_SECRET));

        assertThat(evaluate(request(ALICE, GET_SECRET, SECRET).resourcePolicy(namesAccount)).reason())
                .isEqualTo("because no identity-based policy allows the secretsmanager:GetSecretValue action");
        assertThat(evaluate(request(ALICE, GET_SECRET, SECRET).resourcePolicy(namesAccount)
                .identityPolicies(List.of(identity("Read", allow(GET_SECRET, SECRET))))).allowed()).isTrue();
    }

    @Test
    void aResourcePolicyOfEveryoneAllowsWithinTheAccount() {
        assertThat(evaluate(request(ALICE, GET_SECRET, SECRET)
                .resourcePolicy(resourcePolicy(allowTo("\"*\"", "secretsmanager:*")))).allowed()).isTrue();
    }

    @Nested
    class AcrossAccounts {
        private final ResourcePolicy namesBobsAccount =
                resourcePolicy(allowTo(aws("arn:aws:iam::444455556666:root"), GET_SECRET));
        private final AttachedPolicy bobMayRead = identity("Read", allow(GET_SECRET, SECRET));

        @Test
        void bothTheResourcePolicyAndTheCallersIdentityPoliciesMustAllow() {
            assertThat(evaluate(request(BOB, GET_SECRET, SECRET)
                    .resourcePolicy(namesBobsAccount).identityPolicies(List.of(bobMayRead))).allowed()).isTrue();
        }

        @Test
        void aResourcePolicyAloneDoesNotAllow() {
            PolicyDecision decision = evaluate(request(BOB, GET_SECRET, SECRET)
                    .resourcePolicy(resourcePolicy(allowTo(aws(BOB_ARN), GET_SECRET))));

            assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(decision.reason())
                    .isEqualTo("because no identity-based policy allows the secretsmanager:GetSecretValue action");
        }

        @Test
        void identityPoliciesAloneDoNotAllow() {
            PolicyDecision decision = evaluate(request(BOB, GET_SECRET, SECRET).identityPolicies(List.of(bobMayRead)));

            assertThat(decision.reason())
                    .isEqualTo("because no resource-based policy allows the secretsmanager:GetSecretValue action");
        }

        @Test
        void aResourcePolicyNamingAnotherAccountDoesNotAllow() {
            ResourcePolicy namesSomeoneElse = resourcePolicy(allowTo(aws("999988887777"), GET_SECRET));

            assertThat(evaluate(request(BOB, GET_SECRET, SECRET)
                    .resourcePolicy(namesSomeoneElse).identityPolicies(List.of(bobMayRead))).reason())
                    .isEqualTo("because no resource-based policy allows the secretsmanager:GetSecretValue action");
        }

        @Test
        void theRootOfAnotherAccountNeedsTheResourcePolicy() {
            AwsPrincipal otherRoot = AwsPrincipal.root(OTHER_ACCOUNT);

            assertThat(evaluate(request(otherRoot, GET_SECRET, SECRET)).reason())
                    .isEqualTo("because no resource-based policy allows the secretsmanager:GetSecretValue action");
            assertThat(evaluate(request(otherRoot, GET_SECRET, SECRET).resourcePolicy(namesBobsAccount)).allowed())
                    .isTrue();
        }

        @Test
        void theResourceAccountCanBeGivenWhenTheArnHasNone() {
            PolicyDecision decision = evaluate(request(BOB, "s3:GetObject", "arn:aws:s3:::bucket/key")
                    .identityPolicies(List.of(identity("Read", allow("s3:GetObject", "*"))))
                    .resourceAccount(ACCOUNT));

            assertThat(decision.reason()).isEqualTo("because no resource-based policy allows the s3:GetObject action");
        }
    }

    @Nested
    class SessionPolicies {
        private final AttachedPolicy roleMayUseKms = identity("KmsAdmin", allow("kms:*", "*"));
        private final AttachedPolicy sessionMayEncrypt = identity("Session", allow("kms:Encrypt", "*"));

        @Test
        void limitTheIdentityBasedPermissions() {
            PolicyDecision decision = evaluate(request(ADMIN_SESSION, "kms:Decrypt", KEY)
                    .identityPolicies(List.of(roleMayUseKms)).sessionPolicies(List.of(sessionMayEncrypt)));

            assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(decision.reason()).isEqualTo("because no session policy allows the kms:Decrypt action");
        }

        @Test
        void allowOnlyWhatTheIdentityPoliciesAllowToo() {
            assertThat(evaluate(request(ADMIN_SESSION, "kms:Encrypt", KEY).identityPolicies(List.of(roleMayUseKms))
                    .sessionPolicies(List.of(sessionMayEncrypt))).allowed()).isTrue();
            assertThat(evaluate(request(ADMIN_SESSION, "kms:Encrypt", KEY)
                    .sessionPolicies(List.of(sessionMayEncrypt))).reason())
                    .isEqualTo("because no identity-based policy allows the kms:Encrypt action");
        }

        @Test
        void canDenyExplicitly() {
            PolicyDecision decision = evaluate(request(ADMIN_SESSION, "kms:Decrypt", KEY)
                    .identityPolicies(List.of(roleMayUseKms))
                    .sessionPolicies(List.of(sessionMayEncrypt, identity("NoDecrypt", deny("kms:Decrypt", "*")))));

            assertThat(decision.reason()).isEqualTo("with an explicit deny in a session policy");
        }

        @Test
        void limitAResourcePolicyThatNamesTheRoleButNotOneThatNamesTheSession() {
            ResourcePolicy namesRole = resourcePolicy(allowTo(aws(ADMIN_ROLE_ARN), GET_SECRET));
            ResourcePolicy namesSession = resourcePolicy(allowTo(aws(ADMIN_SESSION_ARN), GET_SECRET));

            assertThat(evaluate(request(ADMIN_SESSION, GET_SECRET, SECRET).resourcePolicy(namesRole)).allowed())
                    .isTrue();
            assertThat(evaluate(request(ADMIN_SESSION, GET_SECRET, SECRET).resourcePolicy(namesRole)
                    .sessionPolicies(List.of(sessionMayEncrypt))).reason())
                    .isEqualTo("because no session policy allows the secretsmanager:GetSecretValue action");
            assertThat(evaluate(request(ADMIN_SESSION, GET_SECRET, SECRET).resourcePolicy(namesSession)
                    .sessionPolicies(List.of(sessionMayEncrypt))).allowed()).isTrue();
        }
    }

    @Nested
    class NotElements {
        @Test
        void notActionAllowsEverythingButWhatItLists() {
            AttachedPolicy allButIam = identity("AllButIam", """
                    {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}""");

            assertThat(evaluate(request(ALICE, "kms:Decrypt", KEY).identityPolicies(List.of(allButIam))).allowed())
                    .isTrue();
            assertThat(evaluate(request(ALICE, "iam:CreateUser", "arn:aws:iam::111122223333:user/eve")
                    .identityPolicies(List.of(allButIam))).allowed()).isFalse();
        }

        @Test
        void notResourceDeniesEverythingButWhatItLists() {
            // The IAM documentation's example: deny every S3 action outside the payroll folder.
            AttachedPolicy payrollOnly = identity("PayrollOnly", allow("s3:*", "*"), """
                    {"Effect": "Deny", "Action": "s3:*",
                     "NotResource": ["arn:aws:s3:::HRBucket/Payroll", "arn:aws:s3:::HRBucket/Payroll/*"]}""");

            assertThat(evaluate(request(ALICE, "s3:GetObject", "arn:aws:s3:::HRBucket/Payroll/2020.csv")
                    .identityPolicies(List.of(payrollOnly))).allowed()).isTrue();
            assertThat(evaluate(request(ALICE, "s3:GetObject", "arn:aws:s3:::HRBucket/Benefits.csv")
                    .identityPolicies(List.of(payrollOnly))).outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        }

        @Test
        void notPrincipalExemptsFromADenyOnlyAPrincipalListedByAllItsNames() {
            // The IAM documentation: list the account with the user; for a role session, the
            // session, the role and the account.
            ResourcePolicy exemptsAliceAndAccount =
                    resourcePolicy(denyToAllBut(aws(ALICE_ARN, "arn:aws:iam::111122223333:root"), "secretsmanager:*"));
            ResourcePolicy exemptsOnlyAlice = resourcePolicy(denyToAllBut(aws(ALICE_ARN), "secretsmanager:*"));
            ResourcePolicy exemptsRoleWithoutSession =
                    resourcePolicy(denyToAllBut(aws(ADMIN_ROLE_ARN, "111122223333"), "secretsmanager:*"));
            ResourcePolicy exemptsRoleSession = resourcePolicy(
                    denyToAllBut(aws(ADMIN_SESSION_ARN, ADMIN_ROLE_ARN, "111122223333"), "secretsmanager:*"));

            assertThat(outcome(ALICE, exemptsAliceAndAccount)).isEqualTo(Outcome.ALLOW);
            assertThat(outcome(ALICE, exemptsOnlyAlice)).isEqualTo(Outcome.EXPLICIT_DENY);
            assertThat(outcome(ADMIN_SESSION, exemptsRoleWithoutSession)).isEqualTo(Outcome.EXPLICIT_DENY);
            assertThat(outcome(ADMIN_SESSION, exemptsRoleSession)).isEqualTo(Outcome.ALLOW);
            assertThat(outcome(ROOT, exemptsOnlyAlice)).isEqualTo(Outcome.EXPLICIT_DENY);
        }

        @Test
        void notPrincipalInAnAllowGrantsEveryoneItDoesNotName() {
            ResourcePolicy allButBob = resourcePolicy(allowToAllBut(aws(BOB_ARN), GET_SECRET));

            assertThat(evaluate(request(ALICE, GET_SECRET, SECRET).resourcePolicy(allButBob)).allowed()).isTrue();
            assertThat(evaluate(request(BOB, GET_SECRET, SECRET).resourcePolicy(allButBob)
                    .identityPolicies(List.of(identity("Read", allow("secretsmanager:*", "*"))))).allowed()).isFalse();
        }

        private Outcome outcome(AwsPrincipal principal, ResourcePolicy resourcePolicy) {
            return evaluate(request(principal, GET_SECRET, SECRET)
                    .identityPolicies(List.of(identity("All", allow("secretsmanager:*", "*"))))
                    .resourcePolicy(resourcePolicy)).outcome();
        }
    }

    @Nested
    class AccountRoot {
        @Test
        void mayDoAnythingInItsAccountWithoutPolicies() {
            assertThat(evaluate(request(ROOT, "secretsmanager:DeleteSecret", SECRET)).allowed()).isTrue();
        }

        @Test
        void isStillBoundByAnExplicitDenyInAResourcePolicy() {
            PolicyDecision decision = evaluate(request(ROOT, "secretsmanager:DeleteSecret", SECRET)
                    .resourcePolicy(resourcePolicy(denyTo("\"*\"", "secretsmanager:DeleteSecret"))));

            assertThat(decision.reason()).isEqualTo("with an explicit deny in a resource-based policy");
        }
    }

    /** KMS: the key policy must allow, directly or through the statement that enables IAM policies. */
    @Nested
    class KeyPolicies {
        private final ResourcePolicy defaultKeyPolicy = ResourcePolicy.mustAllow(new AttachedPolicy("default",
                PolicyDocument.parse("""
                        {"Version": "2012-10-17", "Id": "key-default-1", "Statement": [{
                          "Sid": "Enable IAM User Permissions", "Effect": "Allow",
                          "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
                          "Action": "kms:*", "Resource": "*"}]}""", PolicyType.RESOURCE)));
        private final ResourcePolicy aliceOnly = keyPolicy(allowTo(aws(ALICE_ARN), "kms:*"));
        private final AttachedPolicy mayDecrypt = identity("Decrypt", allow("kms:Decrypt", KEY));

        @Test
        void theRootStatementDelegatesToIdentityPolicies() {
            assertThat(evaluate(request(ALICE, "kms:Decrypt", KEY).resourcePolicy(defaultKeyPolicy)
                    .identityPolicies(List.of(mayDecrypt))).allowed()).isTrue();
            assertThat(evaluate(request(ALICE, "kms:Decrypt", KEY).resourcePolicy(defaultKeyPolicy)).reason())
                    .isEqualTo("because no identity-based policy allows the kms:Decrypt action");
        }

        @Test
        void theRootStatementAllowsTheRoot() {
            assertThat(evaluate(request(ROOT, "kms:ScheduleKeyDeletion", KEY).resourcePolicy(defaultKeyPolicy))
                    .allowed()).isTrue();
        }

        @Test
        void identityPoliciesAloneDoNotAllowWhenTheKeyPolicyDoesNotEnableThem() {
            PolicyDecision decision = evaluate(request(ADMIN_SESSION, "kms:Decrypt", KEY).resourcePolicy(aliceOnly)
                    .identityPolicies(List.of(identity("Admin", allow("*", "*")))));

            assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(decision.reason()).isEqualTo("because no resource-based policy allows the kms:Decrypt action");
        }

        @Test
        void theRootIsDeniedByAKeyPolicyThatDoesNotNameIt() {
            assertThat(evaluate(request(ROOT, "kms:Decrypt", KEY).resourcePolicy(aliceOnly)).reason())
                    .isEqualTo("because no resource-based policy allows the kms:Decrypt action");
        }

        @Test
        void aKeyPolicyNamingThePrincipalAllowsWithoutIdentityPolicies() {
            assertThat(evaluate(request(ALICE, "kms:Decrypt", KEY).resourcePolicy(aliceOnly)).allowed()).isTrue();
        }

        @Test
        void anotherAccountNeedsTheKeyPolicyAndItsOwnIdentityPolicies() {
            ResourcePolicy sharedWithOther = keyPolicy(allowTo(aws("arn:aws:iam::444455556666:root"), "kms:Decrypt"));

            assertThat(evaluate(request(BOB, "kms:Decrypt", KEY).resourcePolicy(sharedWithOther)
                    .identityPolicies(List.of(mayDecrypt))).allowed()).isTrue();
            assertThat(evaluate(request(BOB, "kms:Decrypt", KEY).resourcePolicy(sharedWithOther)).reason())
                    .isEqualTo("because no identity-based policy allows the kms:Decrypt action");
            assertThat(evaluate(request(BOB, "kms:Decrypt", KEY).resourcePolicy(defaultKeyPolicy)
                    .identityPolicies(List.of(mayDecrypt))).reason())
                    .isEqualTo("because no resource-based policy allows the kms:Decrypt action");
        }

        @Test
        void aKeyPolicyCanRestrictByEncryptionContext() {
            ResourcePolicy withContext = keyPolicy(allowTo(aws(ALICE_ARN), "kms:Decrypt",
                    "{\"StringEquals\": {\"kms:EncryptionContext:Department\": \"IT\"}}"));

            assertThat(evaluate(request(ALICE, "kms:Decrypt", KEY).resourcePolicy(withContext)
                    .context(context("kms:EncryptionContext:Department", "IT"))).allowed()).isTrue();
            assertThat(evaluate(request(ALICE, "kms:Decrypt", KEY).resourcePolicy(withContext)
                    .context(context("kms:EncryptionContext:Department", "HR"))).allowed()).isFalse();
        }
    }

    @Nested
    class Principals {
        @Test
        void aServiceIsAllowedOnlyByAResourcePolicyNamingIt() {
            ResourcePolicy forCloudTrail =
                    keyPolicy(allowTo("{\"Service\": \"cloudtrail.amazonaws.com\"}", "kms:GenerateDataKey*"));

            assertThat(evaluate(request(new ServicePrincipal("cloudtrail.amazonaws.com"), "kms:GenerateDataKey", KEY)
                    .resourcePolicy(forCloudTrail)).allowed()).isTrue();
            assertThat(evaluate(request(new ServicePrincipal("sns.amazonaws.com"), "kms:GenerateDataKey", KEY)
                    .resourcePolicy(forCloudTrail)).reason())
                    .isEqualTo("because no resource-based policy allows the kms:GenerateDataKey action");
        }

        @Test
        void anIdentityProviderIsAllowedByATrustPolicyWithItsClaims() {
            String role = "arn:aws:iam::111122223333:role/ci";
            String provider = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com";
            ResourcePolicy trust = trustPolicy("""
                    {"Effect": "Allow", "Principal": {"Federated": "%s"}, "Action": "sts:AssumeRoleWithWebIdentity",
                     "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
                                   "StringLike": {"token.actions.githubusercontent.com:sub": "repo:octo-org/*"}}}"""
                    .formatted(provider));
            RequestContext claims = context("token.actions.githubusercontent.com:aud", "sts.amazonaws.com",
                    "token.actions.githubusercontent.com:sub", "repo:octo-org/app:ref:refs/heads/main");
            RequestContext otherRepository = context("token.actions.githubusercontent.com:aud", "sts.amazonaws.com",
                    "token.actions.githubusercontent.com:sub", "repo:evil/app:ref:refs/heads/main");

            assertThat(evaluate(request(new FederatedPrincipal(provider), "sts:AssumeRoleWithWebIdentity", role)
                    .resourcePolicy(trust).context(claims)).allowed()).isTrue();
            assertThat(evaluate(request(new FederatedPrincipal(provider), "sts:AssumeRoleWithWebIdentity", role)
                    .resourcePolicy(trust).context(otherRepository)).allowed()).isFalse();
        }

        @Test
        void theTrustPolicyMustAllowAssumingARoleEvenWithinTheAccount() {
            String role = "arn:aws:iam::111122223333:role/Admin";
            ResourcePolicy trustsAccount = trustPolicy("""
                    {"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}""");
            ResourcePolicy trustsEc2 = trustPolicy("""
                    {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}""");
            AttachedPolicy mayAssume = identity("Assume", allow("sts:AssumeRole", role));

            assertThat(evaluate(request(ALICE, "sts:AssumeRole", role).resourcePolicy(trustsAccount)
                    .identityPolicies(List.of(mayAssume))).allowed()).isTrue();
            assertThat(evaluate(request(ALICE, "sts:AssumeRole", role).resourcePolicy(trustsEc2)
                    .identityPolicies(List.of(mayAssume))).allowed()).isFalse();
        }
    }

    @Nested
    class RequestContextOfThePrincipal {
        @Test
        void policyVariablesReadThePrincipal() {
            // The IAM documentation's example: users manage their own access keys.
            AttachedPolicy ownKeys =
                    identity("OwnKeys", allow("iam:CreateAccessKey", "arn:aws:iam::*:user/${aws:username}"));

            assertThat(evaluate(request(ALICE, "iam:CreateAccessKey", ALICE_ARN)
                    .identityPolicies(List.of(ownKeys))).allowed()).isTrue();
            assertThat(evaluate(request(ALICE, "iam:CreateAccessKey", "arn:aws:iam::111122223333:user/bob")
                    .identityPolicies(List.of(ownKeys))).allowed()).isFalse();
            assertThat(evaluate(request(ADMIN_SESSION, "iam:CreateAccessKey", ALICE_ARN)
                    .identityPolicies(List.of(ownKeys))).allowed()).isFalse();
        }

        @Test
        void principalTagsAreConditionKeys() {
            AttachedPolicy byTeam = identity("ByTeam", allow(GET_SECRET, "*",
                    "{\"StringEquals\": {\"aws:ResourceTag/team\": \"${aws:PrincipalTag/team}\"}}"));
            RequestContext blueSecret = context("aws:ResourceTag/team", "blue");

            assertThat(evaluate(request(ALICE.withTags(Map.of("team", "blue")), GET_SECRET, SECRET)
                    .identityPolicies(List.of(byTeam)).context(blueSecret)).allowed()).isTrue();
            assertThat(evaluate(request(ALICE.withTags(Map.of("team", "red")), GET_SECRET, SECRET)
                    .identityPolicies(List.of(byTeam)).context(blueSecret)).allowed()).isFalse();
        }

        @Test
        void theCallerCannotOverrideThePrincipalsKeys() {
            AttachedPolicy adminsOnly = identity("AdminsOnly", allow("kms:*", "*",
                    "{\"ArnEquals\": {\"aws:PrincipalArn\": \"" + ADMIN_ROLE_ARN + "\"}}"));

            assertThat(evaluate(request(ALICE, "kms:Decrypt", KEY).identityPolicies(List.of(adminsOnly))
                    .context(context("aws:PrincipalArn", ADMIN_ROLE_ARN))).allowed()).isFalse();
            assertThat(evaluate(request(ADMIN_SESSION, "kms:Decrypt", KEY).identityPolicies(List.of(adminsOnly)))
                    .allowed()).isTrue();
        }

        @Test
        void aDenyOutsideTheCorporateNetwork() {
            // The IAM documentation's example: deny every action from outside two address ranges.
            AttachedPolicy network = identity("Network", allow("*", "*"), """
                    {"Effect": "Deny", "Action": "*", "Resource": "*",
                     "Condition": {"NotIpAddress": {"aws:SourceIp": ["192.0.2.0/24", "203.0.113.0/24"]}}}""");

            assertThat(evaluate(request(ALICE, "kms:Decrypt", KEY).identityPolicies(List.of(network))
                    .context(context("aws:SourceIp", "203.0.113.9"))).allowed()).isTrue();
            assertThat(evaluate(request(ALICE, "kms:Decrypt", KEY).identityPolicies(List.of(network))
                    .context(context("aws:SourceIp", "198.51.100.1"))).outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        }

        @Test
        void aDenyWithoutMultiFactorAuthentication() {
            // The IAM documentation's example: BoolIfExists, so that long-term keys (no MFA key) are denied too.
            AttachedPolicy mfa = identity("Mfa", allow("*", "*"), """
                    {"Effect": "Deny", "NotAction": "iam:ListMFADevices", "Resource": "*",
                     "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}}""");

            assertThat(evaluate(request(ALICE, "kms:Decrypt", KEY).identityPolicies(List.of(mfa))).outcome())
                    .isEqualTo(Outcome.EXPLICIT_DENY);
            assertThat(evaluate(request(ALICE, "kms:Decrypt", KEY).identityPolicies(List.of(mfa))
                    .context(context("aws:MultiFactorAuthPresent", "true"))).allowed()).isTrue();
        }
    }

    @Test
    void theDecisionReadsAsTheAuthorizerContract() {
        PolicyDecision denied = evaluate(request(ALICE, "kms:Decrypt", KEY));

        assertThat(denied.toAuthorizerDecision().allowed()).isFalse();
        assertThat(denied.toAuthorizerDecision().reason())
                .isEqualTo("because no identity-based policy allows the kms:Decrypt action");
        assertThat(evaluate(request(ROOT, "kms:Decrypt", KEY)).toAuthorizerDecision().allowed()).isTrue();
    }

    private PolicyDecision evaluate(EvaluationRequest.Builder request) {
        return evaluator.evaluate(request.build());
    }

    private static EvaluationRequest.Builder request(RequestPrincipal principal, String action, String resource) {
        return EvaluationRequest.builder().principal(principal).action(action).resource(resource);
    }

    private static RequestContext context(String... keysAndValues) {
        RequestContext.Builder context = RequestContext.builder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            context.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return context.build();
    }

    // ---- policies ----

    private static AttachedPolicy identity(String name, String... statements) {
        return new AttachedPolicy(name, document(PolicyType.IDENTITY, statements));
    }

    private static ResourcePolicy resourcePolicy(String... statements) {
        return ResourcePolicy.of(new AttachedPolicy("resource-policy", document(PolicyType.RESOURCE, statements)));
    }

    private static ResourcePolicy keyPolicy(String... statements) {
        return ResourcePolicy.mustAllow(new AttachedPolicy("default", document(PolicyType.RESOURCE, statements)));
    }

    private static ResourcePolicy trustPolicy(String... statements) {
        return ResourcePolicy.mustAllow(new AttachedPolicy("trust", document(PolicyType.TRUST, statements)));
    }

    private static PolicyDocument document(PolicyType type, String... statements) {
        return PolicyDocument.parse(
                "{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(",", statements) + "]}", type);
    }

    // ---- statements ----

    private static String allow(String action, String resource) {
        return "{\"Effect\": \"Allow\", \"Action\": \"" + action + "\", \"Resource\": \"" + resource + "\"}";
    }

    private static String allow(String action, String resource, String condition) {
        return withCondition(allow(action, resource), condition);
    }

    private static String deny(String action, String resource) {
        return "{\"Effect\": \"Deny\", \"Action\": \"" + action + "\", \"Resource\": \"" + resource + "\"}";
    }

    private static String allowTo(String principal, String action) {
        return resourceStatement("Allow", "Principal", principal, action);
    }

    private static String allowTo(String principal, String action, String condition) {
        return withCondition(allowTo(principal, action), condition);
    }

    private static String allowToAllBut(String principal, String action) {
        return resourceStatement("Allow", "NotPrincipal", principal, action);
    }

    private static String denyTo(String principal, String action) {
        return resourceStatement("Deny", "Principal", principal, action);
    }

    private static String denyToAllBut(String principal, String action) {
        return resourceStatement("Deny", "NotPrincipal", principal, action);
    }

    private static String resourceStatement(String effect, String principalElement, String principal, String action) {
        return "{\"Effect\": \"" + effect + "\", \"" + principalElement + "\": " + principal
                + ", \"Action\": \"" + action + "\", \"Resource\": \"*\"}";
    }

    private static String withCondition(String statement, String condition) {
        return statement.substring(0, statement.length() - 1) + ", \"Condition\": " + condition + "}";
    }

    /** {@code {"AWS": [...]}} */
    private static String aws(String... principals) {
        return Arrays.stream(principals).map(p -> "\"" + p + "\"")
                .collect(Collectors.joining(", ", "{\"AWS\": [", "]}"));
    }
}
