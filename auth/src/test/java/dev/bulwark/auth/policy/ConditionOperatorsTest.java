package dev.bulwark.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every condition operator against a request value, an absent key and multivalued keys. Each row:
 * the operator, the policy's value(s) as JSON, the request's values ({@code <absent>}, {@code <empty>}
 * or a comma-separated list), and whether the condition holds.
 */
class ConditionOperatorsTest {

    @ParameterizedTest(name = "{0} {1} vs [{2}] -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            StringEquals                  | "alice"              | alice      | true
            StringEquals                  | "alice"              | Alice      | false
            StringEquals                  | ["alice","bob"]      | bob        | true
            StringEquals                  | "alice"              | <absent>   | false
            StringEquals                  | "a*"                 | abc        | false
            StringEquals                  | "a*"                 | a*         | true
            StringEquals                  | 10                   | 10         | true
            StringEquals                  | true                 | true       | true
            StringNotEquals               | "alice"              | alice      | false
            StringNotEquals               | "alice"              | bob        | true
            StringNotEquals               | ["alice","bob"]      | bob        | false
            StringNotEquals               | ["alice","bob"]      | carol      | true
            StringNotEquals               | "alice"              | <absent>   | true
            StringNotEquals               | "alice"              | <empty>    | true
            StringEqualsIgnoreCase        | "alice"              | ALICE      | true
            StringEqualsIgnoreCase        | "alice"              | bob        | false
            StringEqualsIgnoreCase        | "alice"              | <absent>   | false
            StringNotEqualsIgnoreCase     | "alice"              | ALICE      | false
            StringNotEqualsIgnoreCase     | "alice"              | bob        | true
            StringNotEqualsIgnoreCase     | "alice"              | <absent>   | true
            StringLike                    | "home/*"             | home/a/b   | true
            StringLike                    | "home/?"             | home/a     | true
            StringLike                    | "home/?"             | home/ab    | false
            StringLike                    | "Home/*"             | home/a     | false
            StringLike                    | ["x","home/*"]       | home/a     | true
            StringLike                    | "home/*"             | <absent>   | false
            StringNotLike                 | "home/*"             | home/a     | false
            StringNotLike                 | "home/*"             | work/a     | true
            StringNotLike                 | ["home/*","work/*"]  | work/a     | false
            StringNotLike                 | "home/*"             | <absent>   | true
            NumericEquals                 | "10"                 | 10         | true
            NumericEquals                 | "10"                 | 10.0       | true
            NumericEquals                 | 10                   | 10         | true
            NumericEquals                 | "10"                 | 11         | false
            NumericEquals                 | "10"                 | ten        | false
            NumericEquals                 | "ten"                | 10         | false
            NumericEquals                 | "10"                 | <absent>   | false
            NumericNotEquals              | "10"                 | 11         | true
            NumericNotEquals              | "10"                 | 10         | false
            NumericNotEquals              | ["10","11"]          | 11         | false
            NumericNotEquals              | "10"                 | <absent>   | true
            NumericLessThan               | "10"                 | 9.5        | true
            NumericLessThan               | "10"                 | 10         | false
            NumericLessThanEquals         | "10"                 | 10         | true
            NumericLessThanEquals         | "10"                 | 11         | false
            NumericGreaterThan            | "10"                 | 11         | true
            NumericGreaterThan            | "10"                 | 10         | false
            NumericGreaterThanEquals      | "10"                 | 10         | true
            NumericGreaterThanEquals      | "10"                 | -3         | false
            NumericGreaterThan            | "10"                 | <absent>   | false
            DateEquals                    | "2020-01-01T00:00:00Z" | 2020-01-01T00:00:00Z | true
            DateEquals                    | "2020-01-01T00:00:00Z" | 1577836800           | true
            DateEquals                    | "1577836800"           | 2020-01-01T00:00:00Z | true
            DateEquals                    | "2020-01-01T01:00:00+01:00" | 2020-01-01T00:00:00Z | true
            DateEquals                    | "2020-01-01"           | 2020-01-01T00:00:00.000Z | true
            DateNotEquals                 | "2020-01-01T00:00:00Z" | 2020-01-02T00:00:00Z | true
            DateNotEquals                 | "2020-01-01T00:00:00Z" | 2020-01-01T00:00:00Z | false
            DateNotEquals                 | "2020-01-01T00:00:00Z" | <absent>             | true
            DateLessThan                  | "2020-01-01T00:00:00Z" | 2019-12-31T23:59:59Z | true
            DateLessThan                  | "2020-01-01T00:00:00Z" | 2020-01-01T00:00:00Z | false
            DateLessThanEquals            | "2020-01-01T00:00:00Z" | 2020-01-01T00:00:00Z | true
            DateGreaterThan               | "2020-01-01"           | 2020-01-01T00:00:01Z | true
            DateGreaterThan               | "2020-01-01"           | not-a-date           | false
            DateGreaterThanEquals         | "1577836800"           | 2020-01-01T00:00:00Z | true
            DateGreaterThanEquals         | "1577836800"           | 2019-01-01T00:00:00Z | false
            DateLessThan                  | "2020-01-01T00:00:00Z" | <absent>             | false
            Bool                          | "true"               | true       | true
            Bool                          | "true"               | TRUE       | true
            Bool                          | "true"               | false      | false
            Bool                          | true                 | true       | true
            Bool                          | "false"              | <absent>   | false
            Bool                          | "yes"                | yes        | false
            BinaryEquals                  | "QmluYXJ5VmFsdWU="   | QmluYXJ5VmFsdWU= | true
            BinaryEquals                  | "QmluYXJ5VmFsdWU="   | T3RoZXI=         | false
            BinaryEquals                  | "QmluYXJ5VmFsdWU="   | <absent>         | false
            IpAddress                     | "203.0.113.0/24"     | 203.0.113.7   | true
            IpAddress                     | "203.0.113.0/24"     | 203.0.114.1   | false
            IpAddress                     | "203.0.113.5"        | 203.0.113.5   | true
            IpAddress                     | "203.0.113.0/24"     | not-an-ip     | false
            IpAddress                     | "2001:DB8:1234:5678::/64" | 2001:db8:1234:5678::1 | true
            IpAddress                     | "2001:DB8:1234:5678::/64" | 2001:db8:1234:5679::1 | false
            IpAddress                     | "203.0.113.0/24"     | 2001:db8::1   | false
            IpAddress                     | ["10.0.0.0/8","203.0.113.0/24"] | 203.0.113.7 | true
            IpAddress                     | "203.0.113.0/24"     | <absent>      | false
            NotIpAddress                  | "203.0.113.0/24"     | 10.0.0.1      | true
            NotIpAddress                  | "203.0.113.0/24"     | 203.0.113.7   | false
            NotIpAddress                  | "203.0.113.0/24"     | <absent>      | true
            ArnEquals                     | "arn:aws:iam::*:role/admin" | arn:aws:iam::111122223333:role/admin | true
            ArnEquals                     | "arn:aws:iam::*:role/admin" | arn:aws:iam::111122223333:role/other | false
            ArnLike                       | "arn:aws:sqs:*:111122223333:queue*" | arn:aws:sqs:us-east-1:111122223333:queue1 | true
            ArnLike                       | "arn:aws:sqs:us-*:111122223333:q" | arn:aws:sqs:us-east-1:444455556666:q | false
            ArnLike                       | "arn:aws:sqs:*:111122223333:queue*" | not-an-arn | false
            ArnLike                       | "arn:aws:sqs:*:111122223333:queue*" | <absent> | false
            ArnNotEquals                  | "arn:aws:iam::*:role/admin" | arn:aws:iam::111122223333:role/other | true
            ArnNotEquals                  | "arn:aws:iam::*:role/admin" | arn:aws:iam::111122223333:role/admin | false
            ArnNotLike                    | "arn:aws:sns:*:*:topic" | arn:aws:sns:us-east-1:111122223333:topic | false
            ArnNotLike                    | "arn:aws:sns:*:*:topic" | <absent> | true
            Null                          | "true"               | <absent>   | true
            Null                          | "true"               | <empty>    | true
            Null                          | "true"               | x          | false
            Null                          | "false"              | x          | true
            Null                          | "false"              | <absent>   | false
            Null                          | true                 | <absent>   | true
            """)
    void operator(String operator, String policyValues, String requestValues, boolean holds) {
        assertThat(holds(operator, policyValues, requestValues)).isEqualTo(holds);
    }

    @ParameterizedTest(name = "{0} {1} vs [{2}] -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            StringEqualsIfExists          | "alice"   | <absent>  | true
            StringEqualsIfExists          | "alice"   | bob       | false
            StringEqualsIfExists          | "alice"   | alice     | true
            StringNotEqualsIfExists       | "alice"   | <absent>  | true
            StringNotEqualsIfExists       | "alice"   | alice     | false
            NumericLessThanIfExists       | "10"      | <absent>  | true
            NumericLessThanIfExists       | "10"      | 11        | false
            DateGreaterThanIfExists       | "2020-01-01T00:00:00Z" | <absent> | true
            BoolIfExists                  | "false"   | <absent>  | true
            BoolIfExists                  | "false"   | true      | false
            IpAddressIfExists             | "10.0.0.0/8" | <absent> | true
            ArnLikeIfExists               | "arn:aws:s3:::b/*" | <absent> | true
            """)
    void ifExistsIsTrueWhenTheKeyIsAbsentAndTheOperatorOtherwise(String operator, String policyValues,
            String requestValues, boolean holds) {
        assertThat(holds(operator, policyValues, requestValues)).isEqualTo(holds);
    }

    @ParameterizedTest(name = "{0} {1} vs [{2}] -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            ForAllValues:StringEquals        | ["a","b"] | a          | true
            ForAllValues:StringEquals        | ["a","b"] | a,b        | true
            ForAllValues:StringEquals        | ["a","b"] | a,c        | false
            ForAllValues:StringEquals        | ["a","b"] | <absent>   | true
            ForAllValues:StringEquals        | ["a","b"] | <empty>    | true
            ForAnyValue:StringEquals         | ["a","b"] | c,b        | true
            ForAnyValue:StringEquals         | ["a","b"] | c          | false
            ForAnyValue:StringEquals         | ["a","b"] | <absent>   | false
            ForAnyValue:StringEquals         | ["a","b"] | <empty>    | false
            ForAllValues:StringNotEquals     | ["a"]     | b,c        | true
            ForAllValues:StringNotEquals     | ["a"]     | b,a        | false
            ForAllValues:StringNotEquals     | ["a"]     | <absent>   | true
            ForAnyValue:StringNotEquals      | ["a"]     | a,b        | true
            ForAnyValue:StringNotEquals      | ["a"]     | a          | false
            ForAnyValue:StringNotEquals      | ["a"]     | <absent>   | false
            ForAllValues:StringLike          | ["env*"]  | env,envx   | true
            ForAnyValue:StringLike           | ["env*"]  | cost,envx  | true
            ForAnyValue:StringEqualsIfExists | ["a"]     | <absent>   | true
            ForAllValues:NumericLessThan     | "10"      | 1,2,3      | true
            ForAllValues:NumericLessThan     | "10"      | 1,20       | false
            StringEquals                     | "a"       | b,a        | true
            StringNotEquals                  | "a"       | b,a        | false
            StringNotEquals                  | "a"       | b,c        | true
            """)
    void setOperatorsOverMultivaluedKeys(String operator, String policyValues, String requestValues, boolean holds) {
        assertThat(holds(operator, policyValues, requestValues)).isEqualTo(holds);
    }

    @Test
    void conditionKeysAreCaseInsensitiveButValuesAreNot() {
        RequestContext request = RequestContext.builder().put("aws:username", "JohnDoe").build();

        assertThat(statement("\"StringEquals\": {\"AWS:UserName\": \"JohnDoe\"}").conditionsHold(request)).isTrue();
        assertThat(statement("\"StringEquals\": {\"aws:username\": \"johndoe\"}").conditionsHold(request)).isFalse();
        assertThat(statement("\"StringEqualsIgnoreCase\": {\"aws:username\": \"johndoe\"}").conditionsHold(request))
                .isTrue();
    }

    @Test
    void tagKeysInConditionKeysAreCaseInsensitive() {
        RequestContext request = RequestContext.builder().put("aws:PrincipalTag/CostCenter", "12345").build();

        assertThat(statement("\"StringEquals\": {\"aws:principaltag/costcenter\": \"12345\"}").conditionsHold(request))
                .isTrue();
    }

    @Test
    void keysOfOneOperatorAreAnded() {
        Statement statement = statement("""
                "StringEquals": {"aws:username": "alice", "aws:PrincipalTag/team": "blue"}""");

        RequestContext blue = context("aws:username", "alice", "aws:PrincipalTag/team", "blue");
        RequestContext red = context("aws:username", "alice", "aws:PrincipalTag/team", "red");

        assertThat(statement.conditionsHold(blue)).isTrue();
        assertThat(statement.conditionsHold(red)).isFalse();
        assertThat(statement.conditionsHold(context("aws:username", "alice"))).isFalse();
    }

    @Test
    void operatorsOfOneConditionAreAnded() {
        // The IAM documentation's time window example.
        Statement statement = statement("""
                "DateGreaterThan": {"aws:CurrentTime": "2020-04-01T00:00:00Z"},
                "DateLessThan": {"aws:CurrentTime": "2020-06-30T23:59:59Z"}""");

        assertThat(statement.conditionsHold(context("aws:CurrentTime", "2020-05-01T12:00:00Z"))).isTrue();
        assertThat(statement.conditionsHold(context("aws:CurrentTime", "2020-07-01T00:00:00Z"))).isFalse();
        assertThat(statement.conditionsHold(context("aws:CurrentTime", "2020-03-01T00:00:00Z"))).isFalse();
    }

    @Test
    void anUnknownOperatorWithAnEmptyBlockTestsNothing() {
        assertThat(statement("\"NotAnOperator\": {}").conditionsHold(RequestContext.empty())).isTrue();
    }

    @Test
    void conditionValuesSubstitutePolicyVariables() {
        // The IAM documentation's example: a user may act on resources tagged with their own name.
        Statement statement = statement("\"StringEquals\": {\"aws:ResourceTag/owner\": \"${aws:username}\"}");

        RequestContext own = context("aws:ResourceTag/owner", "alice", "aws:username", "alice");
        RequestContext someoneElses = context("aws:ResourceTag/owner", "bob", "aws:username", "alice");

        assertThat(statement.conditionsHold(own)).isTrue();
        assertThat(statement.conditionsHold(someoneElses)).isFalse();
        assertThat(statement.conditionsHold(context("aws:ResourceTag/owner", "alice"))).isFalse();
    }

    @Test
    void aPolicyVariableWithoutAValueEqualsNothingSoItsNegationHolds() {
        Statement statement = statement("\"StringNotEquals\": {\"aws:ResourceTag/owner\": \"${aws:username}\"}");

        assertThat(statement.conditionsHold(context("aws:ResourceTag/owner", "alice"))).isTrue();
    }

    private static boolean holds(String operator, String policyValues, String requestValues) {
        Statement statement = statement("\"" + operator + "\": {\"test:key\": " + policyValues + "}");
        RequestContext.Builder request = RequestContext.builder();
        if (requestValues.equals("<empty>")) {
            request.put("test:key", List.of());
        } else if (!requestValues.equals("<absent>")) {
            request.put("test:key", Arrays.asList(requestValues.split(",")));
        }
        return statement.conditionsHold(request.build());
    }

    static Statement statement(String conditionBlock) {
        return PolicyDocument.parse("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*",
                 "Condition": {%s}}}""".formatted(conditionBlock)).statements().getFirst();
    }

    private static RequestContext context(String... keysAndValues) {
        RequestContext.Builder context = RequestContext.builder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            context.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return context.build();
    }
}
