package dev.bulwark.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyVariablesTest {
    private static final RequestContext ALICE = RequestContext.builder()
            .put("aws:username", "alice")
            .put("aws:userid", "AIDAEXAMPLE")
            .put("aws:PrincipalTag/team", "blue")
            .put("aws:TagKeys", List.of("a", "b"))
            .build();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            home/${aws:username}/*                | home/alice/*
            home/${AWS:UserName}/*                | home/alice/*
            ${aws:userid}                         | AIDAEXAMPLE
            team-${aws:PrincipalTag/team}         | team-blue
            ${aws:PrincipalTag/missing, 'shared'} | shared
            ${aws:username, 'nobody'}             | alice
            ${ aws:username , 'nobody' }          | alice
            star${*}and${?}and${$}                | star*and?and$
            ${aws:TagKeys, 'many'}                | many
            no variables                          | no variables
            a ${ unterminated                     | a ${ unterminated
            """)
    void variablesAreSubstitutedFromTheContext(String text, String expected) {
        assertThat(PolicyString.parse(text, true).toLiteral(ALICE)).contains(expected);
    }

    @Test
    void aVariableWithoutAValueOrDefaultResolvesToNothing() {
        assertThat(PolicyString.parse("home/${aws:PrincipalTag/missing}", true).toLiteral(ALICE)).isEmpty();
        assertThat(PolicyString.parse("home/${aws:PrincipalTag/missing}", true).toPattern(ALICE)).isEmpty();
    }

    @Test
    void multivaluedKeysAreNotVariables() {
        assertThat(PolicyString.parse("${aws:TagKeys}", true).toLiteral(ALICE)).isEmpty();
    }

    @Test
    void aMalformedVariableFailsClosed() {
        assertThat(PolicyString.parse("${aws:username, nobody}", true).toLiteral(ALICE)).isEmpty();
        assertThat(PolicyString.parse("${}", true).toLiteral(ALICE)).isEmpty();
    }

    @Test
    void version2008DocumentsHaveNoVariables() {
        assertThat(PolicyString.parse("home/${aws:username}", false).toLiteral(ALICE)).contains("home/${aws:username}");
    }

    @Test
    void aSubstitutedValueIsLiteralNotAWildcard() {
        RequestContext starUser = RequestContext.builder().put("aws:username", "*").build();
        Glob pattern = PolicyString.parse("arn:aws:s3:::bucket/${aws:username}/x", true)
                .toPattern(starUser).orElseThrow();

        assertThat(ArnMatcher.matches(pattern, "arn:aws:s3:::bucket/*/x")).isTrue();
        assertThat(ArnMatcher.matches(pattern, "arn:aws:s3:::bucket/alice/x")).isFalse();
    }

    @Test
    void escapedWildcardsAreLiteralInPatterns() {
        Glob pattern = PolicyString.parse("arn:aws:s3:::bucket/${*}", true).toPattern(ALICE).orElseThrow();

        assertThat(ArnMatcher.matches(pattern, "arn:aws:s3:::bucket/*")).isTrue();
        assertThat(ArnMatcher.matches(pattern, "arn:aws:s3:::bucket/anything")).isFalse();
    }

    @Test
    void resourcesSubstituteVariablesOnlyInVersion2012Documents() {
        // The IAM documentation's example: each user works in their own home folder.
        String statement = """
                "Statement": {"Effect": "Allow", "Action": "s3:*",
                              "Resource": "arn:aws:s3:::bucket/home/${aws:username}/*"}""";
        Statement v2012 = firstStatement("{\"Version\": \"2012-10-17\", " + statement + "}");
        Statement v2008 = firstStatement("{\"Version\": \"2008-10-17\", " + statement + "}");
        Statement unversioned = firstStatement("{" + statement + "}");

        assertThat(v2012.matchesResource("arn:aws:s3:::bucket/home/alice/notes", ALICE)).isTrue();
        assertThat(v2012.matchesResource("arn:aws:s3:::bucket/home/bob/notes", ALICE)).isFalse();
        assertThat(v2008.matchesResource("arn:aws:s3:::bucket/home/alice/notes", ALICE)).isFalse();
        assertThat(v2008.matchesResource("arn:aws:s3:::bucket/home/${aws:username}/notes", ALICE)).isTrue();
        assertThat(unversioned.matchesResource("arn:aws:s3:::bucket/home/alice/notes", ALICE)).isFalse();
    }

    private static Statement firstStatement(String document) {
        return PolicyDocument.parse(document).statements().getFirst();
    }
}
