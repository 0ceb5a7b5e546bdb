package dev.bulwark.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.auth.policy.PolicyDecision.Outcome;
import dev.bulwark.core.AccountId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PolicyEvaluatorTest {
    private static final AccountId ACCOUNT = AccountId.of("111122223333");
    private static final AccountId OTHER_ACCOUNT = AccountId.of("444455556666");
    private static final String KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String SECRET = "arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf";
    private static final AwsPrincipal ROOT = AwsPrincipal.root(ACCOUNT);
    private static final AwsPrincipal ALICE = AwsPrincipal.user("arn:aws:iam::111122223333:user/alice", "AIDAALICE");
    private static final AwsPrincipal BOB = AwsPrincipal.user("arn:aws:iam::444455556666:user/bob", "AIDABOB");
    private static final AwsPrincipal ADMIN_SESSION =
            AwsPrincipal.assumedRole("arn:aws:iam::111122223333:role/ops/Admin", "AROAADMIN", "alice");
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
        PolicyDecision decision = evaluate(request(ALICE, "kms:Decrypt", KEY)
                .identityPolicies(List.of(identity("Admin", allow("*", "*")), identity("NoDecrypt", deny("kms:Decrypt", "*")))));

        assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(decision.reason()).isEqualTo("with an explicit deny in an identity-based policy");
        assertThat(decision.statements()).extracting(DecidingStatement::policyName).containsExactly("NoDecrypt");
    }

    @Test
    void anExplicitDenyInTheResourcePolicyBeatsAnIdentityAllow() {
        PolicyDecision decision = evaluate(request(ALICE, "secretsmanager:GetSecretValue", SECRET)
                .identityPolicies(List.of(identity("Admin", allow("*", "*"))))
                .resourcePolicy(ResourcePolicy.of(resource(statement("Deny", "{\"AWS\": \"*\"}",
                        "secretsmanager:GetSecretValue", "*", "")))));

        assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(decision.reason()).isEqualTo("with an explicit deny in a resource-based policy");
    }

    @Test
    void aResourcePolicyNamingThePrincipalAllowsWithinTheAccountWithoutIdentityPolicies() {
        PolicyDecision decision = evaluate(request(ALICE, "secretsmanager:GetSecretValue", SECRET)
                .resourcePolicy(ResourcePolicy.of(resource(statement("Allow",
                        "{\"AWS\": \"arn:aws:iam::111122223333:user/alice\"}", "secretsmanager:GetSecretValue", "*", "")))));

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(decision.statements()).extracting(DecidingStatement::source).containsExactly(PolicySource.RESOURCE_BASED);
    }

    @Test
    void aResourcePolicyNamingOnlyTheAccountDelegatesToIdentityPolicies() {
        ResourcePolicy namesAccount = ResourcePolicy.of(resource(statement("Allow", "{\"AWS\": \"111122223333\"}",
                "secretsmanager:GetSecretValue", "*", "")));

        assertThat(evaluate(request(ALICE, "secretsmanager:GetSecretValue", SECRET).resourcePolicy(namesAccount)).reason())
                .isEqualTo("because no identity-based policy allows the secretsmanager:GetSecretValue action");
        assertThat(evaluate(request(ALICE, "secretsmanager:GetSecretValue", SECRET).resourcePolicy(namesAccount)
                .identityPolicies(List.of(identity("Read", allow("secretsmanager:GetSecretValue", SECRET))))).allowed())
                .isTrue();
    }

    @Test
    void aResourcePolicyOfEveryoneAllowsWithinTheAccount() {
        PolicyDecision decision = evaluate(request(ALICE, "secretsmanager:GetSecretValue", SECRET)
                .resourcePolicy(ResourcePolicy.of(resource(statement("Allow", "\"*\"", "secretsmanager:*", "*", "")))));

        assertThat(decision.allowed()).isTrue();
    }

    @Nested
    class AcrossAccounts {
        private final ResourcePolicy namesBobsAccount = ResourcePolicy.of(resource(statement("Allow",
                "{\"AWS\": \"arn:aws:iam::444455556666:root\"}", "secretsmanager:GetSecretValue", "*", "")));
        private final AttachedPolicy bobMayRead = identity("Read", allow("secretsmanager:GetSecretValue", SECRET));

        @Test
        void bothTheResourcePolicyAndTheCallersIdentityPoliciesMustAllow() {
            assertThat(evaluate(request(BOB, "secretsmanager:GetSecretValue", SECRET)
                    .resourcePolicy(namesBobsAccount).identityPolicies(List.of(bobMayRead))).allowed()).isTrue();
        }

        @Test
        void aResourcePolicyAloneDoesNotAllow() {
            ResourcePolicy namesBob = ResourcePolicy.of(resource(statement("Allow",
                    "{\"AWS\": \"arn:aws:iam::444455556666:user/bob\"}", "secretsmanager:GetSecretValue", "*", "")));

            PolicyDecision decision = evaluate(request(BOB, "secretsmanager:GetSecretValue", SECRET).resourcePolicy(namesBob));

            assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(decision.reason())
                    .isEqualTo("because no identity-based policy allows the secretsmanager:GetSecretValue action");
        }

        @Test
        void identityPoliciesAloneDoNotAllow() {
            PolicyDecision decision = evaluate(request(BOB, "secretsmanager:GetSecretValue", SECRET)
                    .identityPolicies(List.of(bobMayRead)));

            assertThat(decision.reason())
                    .isEqualTo("because no resource-based policy allows the secretsmanager:GetSecretValue action");
        }

        @Test
        void aResourcePolicyNamingAnotherAccountDoesNotAllow() {
            ResourcePolicy namesSomeoneElse = ResourcePolicy.of(resource(statement("Allow", "{\"AWS\": \"999988887777\"}",
                    "secretsmanager:GetSecretValue", "*", "")));

            assertThat(evaluate(request(BOB, "secretsmanager:GetSecretValue", SECRET)
                    .resourcePolicy(namesSomeoneElse).identityPolicies(List.of(bobMayRead))).reason())
                    .isEqualTo("because no resource-based policy allows the secretsmanager:GetSecretValue action");
        }

        @Test
        void theRootOfAnotherAccountNeedsTheResourcePolicy() {
            AwsPrincipal otherRoot = AwsPrincipal.root(OTHER_ACCOUNT);

            assertThat(evaluate(request(otherRoot, "secretsmanager:GetSecretValue", SECRET)).reason())
                    .isEqualTo("because no resource-based policy allows the secretsmanager:GetSecretValue action");
            assertThat(evaluate(request(otherRoot, "secretsmanager:GetSecretValue", SECRET)
                    .resourcePolicy(namesBobsAccount)).allowed()).isTrue();
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
            EvaluationRequest.Builder request = request(ADMIN_SESSION, "kms:Decrypt", KEY)
                    .identityPolicies(List.of(roleMayUseKms)).sessionPolicies(List.of(sessionMayEncrypt));

            PolicyDecision decision = evaluate(request);

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
            ResourcePolicy namesRole = ResourcePolicy.of(resource(statement("Allow",
                    "{\"AWS\": \"arn:aws:iam::111122223333:role/ops/Admin\"}", "secretsmanager:GetSecretValue", "*", "")));
            ResourcePolicy namesSession = ResourcePolicy.of(resource(statement("Allow",
                    "{\"AWS\": \"" + ADMIN_SESSION_ARN + "\"}", "secretsmanager:GetSecretValue", "*", "")));

            assertThat(evaluate(request(ADMIN_SESSION, "secretsmanager:GetSecretValue", SECRET).resourcePolicy(namesRole))
                    .allowed()).isTrue();
            assertThat(evaluate(request(ADMIN_SESSION, "secretsmanager:GetSecretValue", SECRET).resourcePolicy(namesRole)
                    .sessionPolicies(List.of(sessionMayEncrypt))).reason())
                    .isEqualTo("because no session policy allows the secretsmanager:GetSecretValue action");
            assertThat(evaluate(request(ADMIN_SESSION, "secretsmanager:GetSecretValue", SECRET).resourcePolicy(namesSession)
                    .sessionPolicies(List.of(sessionMayEncrypt))).allowed()).isTrue();
        }
    }

    @Nested
    class NotElements {
        @Test
        void notActionAllowsEverythingButWhatItLists() {
            AttachedPolicy allButIam = identity("AllButIam", """
                    {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}""");

            assertThat(evaluate(request(ALICE, "kms:Decrypt", KEY).identityPolicies(List.of(allButIam))).allowed()).isTrue();
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
            // The IAM documentation: the account must be listed with the user, and with a role
            // session, the session, the role and the account.
            AttachedPolicy allowAll = identity("All", allow("secretsmanager:*", "*"));
            ResourcePolicy exemptsBobAndAccount = ResourcePolicy.of(resource(statement("Deny",
                    "{\"AWS\": [\"arn:aws:iam::111122223333:user/alice\", \"arn:aws:iam::111122223333:root\"]}",
                    "secretsmanager:*", "*", "Not")));
            ResourcePolicy exemptsOnlyTheUser = ResourcePolicy.of(resource(statement("Deny",
                    "{\"AWS\": \"arn:aws:iam::111122223333:user/alice\"}", "secretsmanager:*", "*", "Not")));
            ResourcePolicy exemptsRoleWithoutSession = ResourcePolicy.of(resource(statement("Deny",
                    "{\"AWS\": [\"arn:aws:iam::111122223333:role/ops/Admin\", \"111122223333\"]}",
                    "secretsmanager:*", "*", "Not")));
            ResourcePolicy exemptsRoleSession = ResourcePolicy.of(resource(statement("Deny",
                    "{\"AWS\": [\"" + ADMIN_SESSION_ARN + "\", \"arn:aws:iam::111122223333:role/ops/Admin\", \"111122223333\"]}",
                    "secretsmanager:*", "*", "Not")));

            assertThat(outcome(ALICE, allowAll, exemptsBobAndAccount)).isEqualTo(Outcome.ALLOW);
            assertThat(outcome(ALICE, allowAll, exemptsOnlyTheUser)).isEqualTo(Outcome.EXPLICIT_DENY);
            assertThat(outcome(ADMIN_SESSION, allowAll, exemptsRoleWithoutSession)).isEqualTo(Outcome.EXPLICIT_DENY);
            assertThat(outcome(ADMIN_SESSION, allowAll, exemptsRoleSession)).isEqualTo(Outcome.ALLOW);
            assertThat(outcome(ROOT, allowAll, exemptsOnlyTheUser)).isEqualTo(Outcome.EXPLICIT_DENY);
        }

        @Test
        void notPrincipalInAnAllowGrantsEveryoneItDoesNotName() {
            ResourcePolicy allButBob = ResourcePolicy.of(resource(statement("Allow",
                    "{\"AWS\": \"arn:aws:iam::444455556666:user/bob\"}", "secretsmanager:GetSecretValue", "*", "Not")));

            assertThat(evaluate(request(ALICE, "secretsmanager:GetSecretValue", SECRET).resourcePolicy(allButBob)).allowed())
                    .isTrue();
            assertThat(evaluate(request(BOB, "secretsmanager:GetSecretValue", SECRET).resourcePolicy(allButBob)
                    .identityPolicies(List.of(identity("Read", allow("secretsmanager:*", "*"))))).allowed()).isFalse();
        }

        private Outcome outcome(AwsPrincipal principal, AttachedPolicy identityPolicy, ResourcePolicy resourcePolicy) {
            return evaluate(request(principal, "secretsmanager:GetSecretValue", SECRET)
                    .identityPolicies(List.of(identityPolicy)).resourcePolicy(resourcePolicy)).outcome();
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
                    .resourcePolicy(ResourcePolicy.of(resource(statement("Deny", "\"*\"", "secretsmanager:DeleteSecret",
                            "*", "")))));

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
                          "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}]}""",
                        PolicyType.RESOURCE)));
        private final ResourcePolicy aliceOnly = ResourcePolicy.mustAllow(resource(statement("Allow",
                "{\"AWS\": \"arn:aws:iam::111122223333:user/alice\"}", "kms:*", "*", "")));
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
            assertThat(evaluate(request(ROOT, "kms:ScheduleKeyDeletion", KEY).resourcePolicy(defaultKeyPolicy)).allowed())
                    .isTrue();
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
            ResourcePolicy sharedWithOther = ResourcePolicy.mustAllow(resource(statement("Allow",
                    "{\"AWS\": \"arn:aws:iam::444455556666:root\"}", "kms:Decrypt", "*", "")));
            AttachedPolicy bobMayDecrypt = identity("Decrypt", allow("kms:Decrypt", KEY));

            assertThat(evaluate(request(BOB, "kms:Decrypt", KEY).resourcePolicy(sharedWithOther)
                    .identityPolicies(List.of(bobMayDecrypt))).allowed()).isTrue();
            assertThat(evaluate(request(BOB, "kms:Decrypt", KEY).resourcePolicy(sharedWithOther)).reason())
                    .isEqualTo("because no identity-based policy allows the kms:Decrypt action");
            assertThat(evaluate(request(BOB, "kms:Decrypt", KEY).resourcePolicy(defaultKeyPolicy)
                    .identityPolicies(List.of(bobMayDecrypt))).reason())
                    .isEqualTo("because no resource-based policy allows the kms:Decrypt action");
        }

        @Test
        void aKeyPolicyCanRestrictByEncryptionContext() {
            ResourcePolicy withContext = ResourcePolicy.mustAllow(resource(statement("Allow",
                    "{\"AWS\": \"arn:aws:iam::111122223333:user/alice\"}", "kms:Decrypt", "*", "", """
                    {"StringEquals": {"kms:EncryptionContext:Department": "IT"}}""")));

            assertThat(evaluate(request(ALICE, "kms:Decrypt", KEY).resourcePolicy(withContext)
                    .context(RequestContext.builder().put("kms:EncryptionContext:Department", "IT").build())).allowed())
                    .isTrue();
            assertThat(evaluate(request(ALICE, "kms:Decrypt", KEY).resourcePolicy(withContext)
                    .context(RequestContext.builder().put("kms:EncryptionContext:Department", "HR").build())).allowed())
                    .isFalse();
        }
    }

    @Nested
    class Principals {
        @Test
        void aServiceIsAllowedOnlyByAResourcePolicyNamingIt() {
            ServicePrincipal cloudTrail = new ServicePrincipal("cloudtrail.amazonaws.com");
            ResourcePolicy forCloudTrail = ResourcePolicy.mustAllow(resource(statement("Allow",
                    "{\"Service\": \"cloudtrail.amazonaws.com\"}", "kms:GenerateDataKey*", "*", "")));

            assertThat(evaluate(request(cloudTrail, "kms:GenerateDataKey", KEY).resourcePolicy(forCloudTrail)).allowed())
                    .isTrue();
            assertThat(evaluate(request(new ServicePrincipal("sns.amazonaws.com"), "kms:GenerateDataKey", KEY)
                    .resourcePolicy(forCloudTrail)).reason())
                    .isEqualTo("because no resource-based policy allows the kms:GenerateDataKey action");
        }

        @Test
        void anIdentityProviderIsAllowedByATrustPolicyWithItsClaims() {
            String role = "arn:aws:iam::111122223333:role/ci";
            ResourcePolicy trust = ResourcePolicy.mustAllow(new AttachedPolicy("trust", PolicyDocument.parse("""
                    {"Version": "2012-10-17", "Statement": {"Effect": "Allow",
                     "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
                     "Action": "sts:AssumeRoleWithWebIdentity",
                     "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
                                   "StringLike": {"token.actions.githubusercontent.com:sub": "repo:octo-org/*"}}}}""",
                    PolicyType.TRUST)));
            FederatedPrincipal github =
                    new FederatedPrincipal("arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com");
            RequestContext claims = RequestContext.builder()
                    .put("token.actions.githubusercontent.com:aud", "sts.amazonaws.com")
                    .put("token.actions.githubusercontent.com:sub", "repo:octo-org/app:ref:refs/heads/main").build();
            RequestContext otherRepository = RequestContext.builder()
                    .put("token.actions.githubusercontent.com:aud", "sts.amazonaws.com")
                    .put("token.actions.githubusercontent.com:sub", "repo:evil/app:ref:refs/heads/main").build();

            assertThat(evaluate(request(github, "sts:AssumeRoleWithWebIdentity", role).resourcePolicy(trust)
                    .context(claims)).allowed()).isTrue();
            assertThat(evaluate(request(github, "sts:AssumeRoleWithWebIdentity", role).resourcePolicy(trust)
                    .context(otherRepository)).allowed()).isFalse();
        }

        @Test
        void theTrustPolicyMustAllowAssumingARoleEvenWithinTheAccount() {
            String role = "arn:aws:iam::111122223333:role/Admin";
            ResourcePolicy trustsAccount = ResourcePolicy.mustAllow(new AttachedPolicy("trust", PolicyDocument.parse("""
                    {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS": "111122223333"},
                     "Action": "sts:AssumeRole"}}""", PolicyType.TRUST)));
            ResourcePolicy trustsEc2 = ResourcePolicy.mustAllow(new AttachedPolicy("trust", PolicyDocument.parse("""
                    {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"},
                     "Action": "sts:AssumeRole"}}""", PolicyType.TRUST)));
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
            AttachedPolicy ownKeys = identity("OwnKeys", allow("iam:CreateAccessKey", "arn:aws:iam::*:user/${aws:username}"));

            assertThat(evaluate(request(ALICE, "iam:CreateAccessKey", "arn:aws:iam::111122223333:user/alice")
                    .identityPolicies(List.of(ownKeys))).allowed()).isTrue();
            assertThat(evaluate(request(ALICE, "iam:CreateAccessKey", "arn:aws:iam::111122223333:user/bob")
                    .identityPolicies(List.of(ownKeys))).allowed()).isFalse();
            assertThat(evaluate(request(ADMIN_SESSION, "iam:CreateAccessKey", "arn:aws:iam::111122223333:user/alice")
                    .identityPolicies(List.of(ownKeys))).allowed()).isFalse();
        }

        @Test
        void principalTagsAreConditionKeys() {
            AttachedPolicy byTeam = identity("ByTeam", allow("secretsmanager:GetSecretValue", "*", """
                    {"StringEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"}}"""));
            RequestContext blueSecret = RequestContext.builder().put("aws:ResourceTag/team", "blue").build();

            assertThat(evaluate(request(ALICE.withTags(Map.of("team", "blue")), "secretsmanager:GetSecretValue", SECRET)
                    .identityPolicies(List.of(byTeam)).context(blueSecret)).allowed()).isTrue();
            assertThat(evaluate(request(ALICE.withTags(Map.of("team", "red")), "secretsmanager:GetSecretValue", SECRET)
                    .identityPolicies(List.of(byTeam)).context(blueSecret)).allowed()).isFalse();
        }

        @Test
        void theCallerCannotOverrideThePrincipalsKeys() {
            AttachedPolicy adminsOnly = identity("AdminsOnly", allow("kms:*", "*", """
                    {"ArnEquals": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/ops/Admin"}}"""));
            RequestContext forged = RequestContext.builder()
                    .put("aws:PrincipalArn", "arn:aws:iam::111122223333:role/ops/Admin").build();

            assertThat(evaluate(request(ALICE, "kms:Decrypt", KEY).identityPolicies(List.of(adminsOnly))
                    .context(forged)).allowed()).isFalse();
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
                    .context(RequestContext.builder().put("aws:SourceIp", "203.0.113.9").build())).allowed()).isTrue();
            assertThat(evaluate(request(ALICE, "kms:Decrypt", KEY).identityPolicies(List.of(network))
                    .context(RequestContext.builder().put("aws:SourceIp", "198.51.100.1").build())).outcome())
                    .isEqualTo(Outcome.EXPLICIT_DENY);
        }

        @Test
        void aDenyWithoutMultiFactorAuthentication() {
            // The IAM documentation's example: BoolIfExists so long-term keys (no MFA key) are denied too.
            AttachedPolicy mfa = identity("Mfa", allow("*", "*"), """
                    {"Effect": "Deny", "NotAction": "iam:ListMFADevices", "Resource": "*",
                     "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}}""");

            assertThat(evaluate(request(ALICE, "kms:Decrypt", KEY).identityPolicies(List.of(mfa))).outcome())
                    .isEqualTo(Outcome.EXPLICIT_DENY);
            assertThat(evaluate(request(ALICE, "kms:Decrypt", KEY).identityPolicies(List.of(mfa))
                    .context(RequestContext.builder().put("aws:MultiFactorAuthPresent", true).build())).allowed())
                    .isTrue();
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

    private static AttachedPolicy identity(String name, String... statements) {
        return new AttachedPolicy(name, PolicyDocument.parse(
                "{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(",", statements) + "]}", PolicyType.IDENTITY));
    }

    private static AttachedPolicy resource(String... statements) {
        return new AttachedPolicy("resource-policy", PolicyDocument.parse(
                "{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(",", statements) + "]}", PolicyType.RESOURCE));
    }

    private static String allow(String action, String resource) {
        return "{\"Effect\": \"Allow\", \"Action\": \"" + action + "\", \"Resource\": \"" + resource + "\"}";
    }

    private static String allow(String action, String resource, String condition) {
        return "{\"Effect\": \"Allow\", \"Action\": \"" + action + "\", \"Resource\": \"" + resource
                + "\", \"Condition\": " + condition + "}";
    }

    private static String deny(String action, String resource) {
        return "{\"Effect\": \"Deny\", \"Action\": \"" + action + "\", \"Resource\": \"" + resource + "\"}";
    }

    /** A resource policy statement; {@code not} is "" for Principal or "Not" for NotPrincipal. */
    private static String statement(String effect, String principal, String action, String resource, String not) {
        return "{\"Effect\": \"" + effect + "\", \"" + not + "Principal\": " + principal + ", \"Action\": \"" + action
                + "\", \"Resource\": \"" + resource + "\"}";
    }

    private static String statement(String effect, String principal, String action, String resource, String not,
            String condition) {
        return statement(effect, principal, action, resource, not).replaceFirst("}$", ", \"Condition\": " + condition + "}");
    }
}
