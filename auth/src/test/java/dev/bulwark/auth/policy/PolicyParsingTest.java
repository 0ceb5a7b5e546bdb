package dev.bulwark.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Documents IAM rejects, with the message IAM gives. The identity-policy cases are IAM's answers
 * to CreatePolicy as recorded by moto's IAM tests, which were checked against AWS.
 */
class PolicyParsingTest {
    private static final String ALLOW_LIST_ANY = "\"Effect\": \"Allow\", \"Action\": \"s3:ListBucket\", \"Resource\": \"*\"";
    private static final String ALLOW_LIST_BUCKET =
            "\"Effect\": \"Allow\", \"Action\": \"s3:ListBucket\", \"Resource\": \"arn:aws:s3:::example_bucket\"";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            This is not a json document | Syntax errors in policy.
            []                          | Syntax errors in policy.
            {"Version": "2012-10-17"}   | Syntax errors in policy.
            {"Version": "2012-10-17", "Statement": []}      | Syntax errors in policy.
            {"Version": "2012-10-17", "Statement": ["afd"]} | Syntax errors in policy.
            {"Version": "2013-10-17", "Statement": {ALLOW}} | Syntax errors in policy.
            {"Version": "2012-10-17", "Statement": {ALLOW}, "Extra field": "value"} | Syntax errors in policy.
            {"Version": "2012-10-17", "Statement": {ALLOW, "Extra field": "value"}} | Syntax errors in policy.
            {"Version": "2012-10-17", "Id": ["x"], "Statement": {ALLOW}} | Syntax errors in policy.
            {"Version": "2012-10-17", "Statement": {ALLOW}} trailing | Syntax errors in policy.
            {"Version": "2012-10-17", "Version": "2012-10-17", "Statement": {ALLOW}} | Syntax errors in policy.
            {"Version": "2012-10-17", "Statement": {"Effect": "invalid", "Action": "s3:ListBucket", "Resource": "*"}} | Syntax errors in policy.
            {"Version": "2012-10-17", "Statement": {"Action": "s3:ListBucket", "Resource": "*"}} | Syntax errors in policy.
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": {"a": "b"}}} | Syntax errors in policy.
            {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "s3:ListBucket", "Resource": ["adfdf", {}]}} | Syntax errors in policy.
            {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": [[]], "Resource": "*"}} | Syntax errors in policy.
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": {}, "Resource": "*"}} | Syntax errors in policy.
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "NotAction": "s3:ListBucket", "Action": "iam:dsf", "Resource": "*"}} | Syntax errors in policy.
            {"Version": "2012-10-17", "Statement": {ALLOW, "NotResource": "*"}} | Syntax errors in policy.
            {"Version": "2012-10-17", "Statement": {ALLOW, "Condition": []}} | Syntax errors in policy.
            {"Version": "2012-10-17", "Statement": {ALLOW, "Condition": "a"}} | Syntax errors in policy.
            {"Version": "2012-10-17", "Statement": {ALLOW, "Condition": {"a": "b"}}} | Syntax errors in policy.
            {"Version": "2012-10-17", "Statement": {ALLOW, "Condition": {"DateGreaterThan": {"a": {}}}}} | Syntax errors in policy.
            {"Version": "2012-10-17", "Statement": {ALLOW, "Condition": {"x": {"a": "1"}}}} | Syntax errors in policy.
            {"Version": "2012-10-17", "Statement": {ALLOW, "Condition": {"ForAnyValue::StringEqualsIfExists": {"a": "asf"}}}} | Syntax errors in policy.
            {"Version": "2012-10-17", "Statement": {ALLOW, "Condition": {"stringequals": {"a": "asf"}}}} | Syntax errors in policy.
            {"Version": "2012-10-17", "Statement": {ALLOW, "Condition": {"StringEquals": {"a": null}}}} | Syntax errors in policy.
            {"Version": "2012-10-17", "Statement": {ALLOW, "Sid": {}}} | Syntax errors in policy.
            {"Statement": {ALLOW}}                          | Policy document must be version 2012-10-17 or greater.
            {"Version": "2008-10-17", "Statement": {ALLOW}} | Policy document must be version 2012-10-17 or greater.
            {"Version": "2012-10-17", "Statement": {"Effect": "denY", "Action": "s3:ListBucket", "Resource": "*"}} | The policy failed legacy parsing
            {"Version": "2012-10-17", "Statement": {ALLOW, "Condition": {"DateGreaterThan": {"a": "sdfdsf"}}}} | The policy failed legacy parsing
            {"Version": "2012-10-17", "Statement": {ALLOW, "Condition": {"DateLessThanEquals": {"a": "234-13"}}}} | The policy failed legacy parsing
            {"Version": "2012-10-17", "Statement": {ALLOW, "Condition": {"DateLessThan": {"a": "9223372036854775808"}}}} | The policy failed legacy parsing
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3::example_bucket"}} | The policy failed legacy parsing
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws::::example_bucket"}} | The policy failed legacy parsing
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Resource": "arn:aws:s3::example_bucket"}} | The policy failed legacy parsing
            {"Version": "2012-10-17", "Statement": [{"Sid": "sdf", ALLOW}, {"Sid": "sdf", ALLOW}]} | Statement IDs (SID) in a single policy must be unique.
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Resource": "*"}} | Policy statement must contain actions.
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": [], "Resource": "*"}} | Policy statement must contain actions.
            {"Version": "2012-10-17", "Statement": [{"Effect": "Deny"}, {ALLOW}]} | Policy statement must contain actions.
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "invalid resource"}} | Resource invalid resource must be in ARN format or "*".
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": ""}} | Resource  must be in ARN format or "*".
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "NotAction": "s3s:ListBucket", "Resource": "a:bsdfdsafsad"}} | Partition "bsdfdsafsad" is not valid for resource "arn:bsdfdsafsad:*:*:*:*".
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "NotAction": "s3s:ListBucket", "Resource": "a:b:c:d:e:f:g:h"}} | Partition "b" is not valid for resource "arn:b:c:d:e:f:g:h".
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "aws:s3:::example_bucket"}} | Partition "s3" is not valid for resource "arn:s3:::example_bucket:*".
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": ["arn:error:s3:::example_bucket", "arn:error:s3::example_bucket"]}} | Partition "error" is not valid for resource "arn:error:s3:::example_bucket".
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws"}} | Resource vendor must be fully qualified and cannot contain regexes.
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:iam:us-east-1::example_bucket"}} | IAM resource arn:aws:iam:us-east-1::example_bucket cannot contain region information.
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:us-east-1::example_bucket"}} | Resource arn:aws:s3:us-east-1::example_bucket can not contain region information.
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "invalid", "Resource": "*"}} | Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "NotAction": "", "Resource": "*"}} | Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:List:Bucket", "Resource": "*"}} | Actions/Condition can contain only one colon.
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "a a:ListBucket", "Resource": "*"}} | Vendor a a is not valid
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket"}} | Policy statement must contain resources.
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": []}} | Policy statement must contain resources.
            {"Version": "2012-10-17", "Statement": {ALLOW, "Principal": "*"}} | Policy document should not specify a principal.
            {"Version": "2012-10-17", "Statement": {ALLOW, "NotPrincipal": {"AWS": "111122223333"}}} | Policy document should not specify a principal.
            {"Version": "2012-10-17", "Statement": {ALLOW, "Sid": "Not alphanumeric"}} | Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*
            """)
    void identityPoliciesAreRejectedWithIamsMessage(String document, String message) {
        String expanded = document.replace("ALLOW", ALLOW_LIST_BUCKET);

        assertThatThrownBy(() -> PolicyDocument.parse(expanded, PolicyType.IDENTITY))
                .isInstanceOf(MalformedPolicyException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"Statement": {"Effect": "Allow", "Action": "kms:*", "Resource": "*"}} | Missing required field Principal
            {"Statement": {"Effect": "Allow", "Principal": "*", "Action": "kms:*"}} | Policy statement must contain resources.
            {"Statement": {"Effect": "Allow", "Principal": "arn:aws:iam::111122223333:root", "Action": "kms:*", "Resource": "*"}} | Syntax errors in policy.
            {"Statement": {"Effect": "Allow", "Principal": {}, "Action": "kms:*", "Resource": "*"}} | Syntax errors in policy.
            {"Statement": {"Effect": "Allow", "Principal": {"AWS": []}, "Action": "kms:*", "Resource": "*"}} | Syntax errors in policy.
            {"Statement": {"Effect": "Allow", "Principal": {"AWS": "alice"}, "Action": "kms:*", "Resource": "*"}} | Invalid principal in policy: "AWS":"alice"
            {"Statement": {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/*"}, "Action": "kms:*", "Resource": "*"}} | Invalid principal in policy: "AWS":"arn:aws:iam::111122223333:user/*"
            {"Statement": {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:group/admins"}, "Action": "kms:*", "Resource": "*"}} | Invalid principal in policy: "AWS":"arn:aws:iam::111122223333:group/admins"
            {"Statement": {"Effect": "Allow", "Principal": {"AWS": "1234"}, "Action": "kms:*", "Resource": "*"}} | Invalid principal in policy: "AWS":"1234"
            {"Statement": {"Effect": "Allow", "Principal": {"Service": "*"}, "Action": "kms:*", "Resource": "*"}} | Invalid principal in policy: "SERVICE":"*"
            {"Statement": {"Effect": "Allow", "Principal": {"Aws": "111122223333"}, "Action": "kms:*", "Resource": "*"}} | Invalid principal in policy: "AWS":"111122223333"
            {"Statement": [{"Sid": "a", "Effect": "Allow", "Principal": "*", "Action": "kms:*", "Resource": "*"}, {"Sid": "a", "Effect": "Deny", "Principal": "*", "Action": "kms:*", "Resource": "*"}]} | Statement IDs (SID) in a single policy must be unique.
            """)
    void resourcePoliciesAreRejectedWithIamsMessage(String document, String message) {
        assertThatThrownBy(() -> PolicyDocument.parse(document, PolicyType.RESOURCE))
                .isInstanceOf(MalformedPolicyException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "sts:AssumeRole"}} | Missing required field Principal
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole", "Resource": "*"}} | Has prohibited field Resource
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "s3:GetObject"}} | AssumeRole policy may only specify STS AssumeRole actions.
            """)
    void trustPoliciesAreRejectedWithIamsMessage(String document, String message) {
        assertThatThrownBy(() -> PolicyDocument.parse(document, PolicyType.TRUST))
                .isInstanceOf(MalformedPolicyException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "iam: asdf safdsf af ", "Resource": "*"}}
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": ["arn:aws:s3:::example_bucket", "*"]}}
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3-s:ListBucket", "Resource": "arn:aws:s33:::example_bucket"}}
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:fdsasf"}}
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:ec2:us-east-1::example_bucket"}}
            {"Version": "2012-10-17", "Statement": {LIST_ANY, "Condition": {}}}
            {"Version": "2012-10-17", "Statement": {LIST_ANY, "Condition": {"DateGreaterThan": {}}}}
            {"Version": "2012-10-17", "Statement": {LIST_ANY, "Condition": {"DateGreaterThan": {"a": []}}}}
            {"Version": "2012-10-17", "Statement": {LIST_ANY, "Condition": {"x": {}, "y": {}}}}
            {"Version": "2012-10-17", "Statement": {LIST_ANY, "Condition": {"DateGreaterThan": {"a": "01T"}}}}
            {"Version": "2012-10-17", "Statement": {LIST_ANY, "Condition": {"DateLessThanEquals": {"a": "2016-12-13T21:20:37.593194+00:00"}}}}
            {"Version": "2012-10-17", "Statement": {LIST_ANY, "Condition": {"DateLessThanEquals": {"a": "2016-12-13t2:00:00.593194+23"}}}}
            {"Version": "2012-10-17", "Statement": {LIST_ANY, "Condition": {"DateLessThan": {"a": "-292275054"}}}}
            {"Version": "2012-10-17", "Statement": {LIST_ANY, "Condition": {"ForAnyValue:StringEqualsIfExists": {"a": "asf"}}}}
            {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "NotAction": "s3:ListBucket", "NotResource": "*"}}
            {"Version": "2012-10-17", "Statement": [{"Sid": "sdf", LIST_ANY}, {LIST_ANY}]}
            """)
    void identityPoliciesIamAccepts(String document) {
        String expanded = document.replace("LIST_ANY", ALLOW_LIST_ANY);

        assertThat(PolicyDocument.parse(expanded, PolicyType.IDENTITY).statements()).isNotEmpty();
    }

    @Test
    void parsesTheModel() {
        PolicyDocument policy = PolicyDocument.parse("""
                {"Version": "2012-10-17", "Id": "key-policy",
                 "Statement": [{"Sid": "Enable IAM User Permissions", "Effect": "Allow",
                                "Principal": {"AWS": ["arn:aws:iam::111122223333:root", "444455556666"],
                                              "Service": "cloudtrail.amazonaws.com"},
                                "Action": ["kms:*"], "Resource": "*",
                                "Condition": {"Bool": {"aws:SecureTransport": true},
                                              "NumericLessThan": {"kms:GrantCount": [5, 1.50]}}},
                               {"Effect": "Deny", "NotPrincipal": "*", "NotAction": "kms:Decrypt", "NotResource": "*"}]}""",
                PolicyType.RESOURCE);

        assertThat(policy.version()).contains(PolicyVersion.V2012_10_17);
        assertThat(policy.id()).contains("key-policy");
        Statement first = policy.statements().getFirst();
        assertThat(first.sid()).contains("Enable IAM User Permissions");
        assertThat(first.effect()).isEqualTo(Effect.ALLOW);
        assertThat(first.actions()).containsExactly("kms:*");
        assertThat(first.notActions()).isEmpty();
        assertThat(first.resources()).containsExactly("*");
        assertThat(first.principal().orElseThrow().values(PrincipalElement.Kind.AWS))
                .containsExactly("arn:aws:iam::111122223333:root", "444455556666");
        assertThat(first.principal().orElseThrow().values(PrincipalElement.Kind.SERVICE))
                .containsExactly("cloudtrail.amazonaws.com");
        assertThat(first.conditions()).extracting(Condition::operator, Condition::key, Condition::values)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Bool", "aws:SecureTransport", List.of("true")),
                        org.assertj.core.groups.Tuple.tuple("NumericLessThan", "kms:GrantCount", List.of("5", "1.50")));
        Statement second = policy.statements().get(1);
        assertThat(second.effect()).isEqualTo(Effect.DENY);
        assertThat(second.notPrincipal().orElseThrow().isEveryone()).isTrue();
        assertThat(second.notActions()).containsExactly("kms:Decrypt");
        assertThat(second.notResources()).containsExactly("*");
    }

    @Test
    void resourcePoliciesMayUseTheOldVersionAndSidsWithSpaces() {
        // The default KMS key policy, as KMS creates it.
        PolicyDocument policy = PolicyDocument.parse("""
                {"Version": "2012-10-17", "Id": "key-default-1", "Statement": [{
                  "Sid": "Enable IAM User Permissions", "Effect": "Allow",
                  "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}]}""",
                PolicyType.RESOURCE);
        PolicyDocument old = PolicyDocument.parse("""
                {"Version": "2008-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS": "*"},
                 "Action": "secretsmanager:GetSecretValue", "Resource": "*"}}""", PolicyType.RESOURCE);

        assertThat(policy.statements()).hasSize(1);
        assertThat(old.version()).contains(PolicyVersion.V2008_10_17);
    }

    @Test
    void trustPoliciesIamAccepts() {
        PolicyDocument trust = PolicyDocument.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"},
                  {"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
                   "Action": "sts:AssumeRoleWithWebIdentity",
                   "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}},
                  {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:role/ci"},
                   "Action": ["sts:AssumeRole", "sts:TagSession"]}]}""", PolicyType.TRUST);

        assertThat(trust.statements()).hasSize(3);
        assertThat(trust.statements().getFirst().resources()).isEmpty();
    }

    @Test
    void parsingWithoutATypeAppliesOnlyTheSharedGrammar() {
        PolicyDocument lenient = PolicyDocument.parse("""
                {"Statement": {"Effect": "Allow", "Principal": "*", "Action": "kms:*"}}""");

        assertThat(lenient.version()).isEmpty();
        assertThatThrownBy(() -> PolicyDocument.parse("{\"Statement\": []}")).hasMessage("Syntax errors in policy.");
    }
}
