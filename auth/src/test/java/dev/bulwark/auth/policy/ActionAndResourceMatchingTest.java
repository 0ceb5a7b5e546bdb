package dev.bulwark.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActionAndResourceMatchingTest {

    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            kms:Decrypt        | kms:Decrypt          | true
            kms:decrypt        | KMS:Decrypt          | true
            kms:*              | kms:Decrypt          | true
            kms:*              | kmsx:Decrypt         | false
            *                  | secretsmanager:GetSecretValue | true
            kms:Get*           | kms:GetKeyPolicy     | true
            kms:Get*           | kms:Decrypt          | false
            kms:*Key*          | kms:DescribeKey      | true
            kms:?ecrypt        | kms:Decrypt          | true
            kms:?ecrypt        | kms:ReEncrypt        | false
            kms:ReEncrypt*     | kms:ReEncryptFrom    | true
            kms:Decrypt        | kms:DecryptX         | false
            s3:*Object         | s3:GetObject         | true
            s3:*Object         | s3:GetObjectAcl      | false
            """)
    void actionsMatchCaseInsensitivelyWithWildcards(String pattern, String action, boolean matches) {
        assertThat(statement("\"Action\": \"" + pattern + "\"", "\"Resource\": \"*\"").matchesAction(action))
                .isEqualTo(matches);
    }

    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            *                                          | arn:aws:kms:us-east-1:111122223333:key/k1   | true
            *                                          | *                                           | true
            arn:aws:kms:us-east-1:111122223333:key/k1  | arn:aws:kms:us-east-1:111122223333:key/k1   | true
            arn:aws:kms:us-east-1:111122223333:key/k1  | arn:aws:kms:us-east-1:111122223333:key/K1   | false
            arn:aws:kms:*:111122223333:key/*           | arn:aws:kms:eu-west-1:111122223333:key/k1   | true
            arn:aws:kms:*:111122223333:key/*           | arn:aws:kms:eu-west-1:444455556666:key/k1   | false
            arn:aws:kms:*:*:*                          | arn:aws:kms:eu-west-1:444455556666:alias/a  | true
            arn:aws:kms:us-*:111122223333:key/*        | arn:aws:kms:us-west-2:111122223333:key/k1   | true
            arn:aws:kms:us-*:111122223333:key/*        | arn:aws:kms:eu-west-2:111122223333:key/k1   | false
            arn:aws:kms:*                              | arn:aws:kms:eu-west-1:444455556666:key/k1   | true
            arn:aws:kms:*                              | arn:aws:sqs:eu-west-1:444455556666:q        | false
            arn:aws:*                                  | arn:aws:sqs:eu-west-1:444455556666:q        | true
            arn:aws:kms:us-east-1:*                    | arn:aws:kms:us-east-1:444455556666:key/k1   | true
            arn:aws:kms:us-east-1:*                    | arn:aws:kms:us-west-1:444455556666:key/k1   | false
            arn:aws:kms:us-east-1:1111*                | arn:aws:kms:us-east-1:111122223333:key/k1   | true
            arn:aws:kms:us-east-1:111122223333         | arn:aws:kms:us-east-1:111122223333:key/k1   | false
            arn:aws:kms:us-east-?:111122223333:key/k1  | arn:aws:kms:us-east-1:111122223333:key/k1   | true
            arn:aws:kms:*1:111122223333:key/k1         | arn:aws:kms:us-east-1:111122223333:key/k1   | true
            arn:aws:kms:us-*:key/k1                    | arn:aws:kms:us-east-1:111122223333:key/k1   | false
            arn:aws:s3:::bucket/*                      | arn:aws:s3:::bucket/a/b:c                   | true
            arn:aws:s3:::bucket/*                      | arn:aws:s3:::bucket                         | false
            arn:aws:s3:::bucket*                       | arn:aws:s3:::bucket                         | true
            arn:aws:ssm:*:*:parameter/app/*            | arn:aws:ssm:us-east-1:111122223333:parameter/app/db/password | true
            arn:aws:iam::111122223333:user/*           | arn:aws:iam::111122223333:user/division/alice | true
            arn:aws:kms:us-east-1:111122223333:key/k1  | *                                           | false
            """)
    void resourcesMatchAsArnsPartByPart(String pattern, String resource, boolean matches) {
        assertThat(statement("\"Action\": \"*\"", "\"Resource\": \"" + pattern + "\"")
                .matchesResource(resource, RequestContext.empty())).isEqualTo(matches);
    }

    @ParameterizedTest(name = "NotAction {0} ~ {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            iam:*          | iam:CreateUser  | false
            iam:*          | kms:Decrypt     | true
            kms:Decrypt    | kms:Encrypt     | true
            """)
    void notActionMatchesEverythingItDoesNotList(String pattern, String action, boolean matches) {
        assertThat(statement("\"NotAction\": \"" + pattern + "\"", "\"Resource\": \"*\"").matchesAction(action))
                .isEqualTo(matches);
    }

    @ParameterizedTest(name = "NotResource {0} ~ {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            arn:aws:s3:::HRBucket/Payroll*  | arn:aws:s3:::HRBucket/Payroll/2020 | false
            arn:aws:s3:::HRBucket/Payroll*  | arn:aws:s3:::HRBucket/Benefits    | true
            """)
    void notResourceMatchesEverythingItDoesNotList(String pattern, String resource, boolean matches) {
        assertThat(statement("\"Action\": \"s3:*\"", "\"NotResource\": \"" + pattern + "\"")
                .matchesResource(resource, RequestContext.empty())).isEqualTo(matches);
    }

    private static Statement statement(String actionElement, String resourceElement) {
        return PolicyDocument.parse("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", %s, %s}}"""
                .formatted(actionElement, resourceElement)).statements().getFirst();
    }
}
