package dev.bulwark.ssm.internal;

import static dev.bulwark.ssm.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import org.junit.jupiter.api.Test;

class ParameterNamesTest {
    private static final SsmScope SCOPE = new SsmScope(AccountId.of("111122223333"), Region.US_EAST_1);
    private static final String INVALID = SsmErrors.INVALID_NAME;

    @Test
    void aNameWithAndWithoutItsLeadingSlashIsOneParameter() {
        assertThat(ParameterNames.id("app")).isEqualTo("/app");
        assertThat(ParameterNames.id("/app")).isEqualTo("/app");
        assertThat(SCOPE.parameterArn(ParameterNames.id("app"))).isEqualTo("arn:aws:ssm:us-east-1:111122223333:parameter/app");
        assertThat(SCOPE.parameterArn("/a/b")).isEqualTo("arn:aws:ssm:us-east-1:111122223333:parameter/a/b");
    }

    @Test
    void spacesAroundANameAreRemovedAndSpacesInsideRefused() {
        assertThat(ParameterNames.forWrite("  /app/db  ", SCOPE)).isEqualTo("/app/db");
        assertAwsError(() -> ParameterNames.forWrite("/app db", SCOPE), "ValidationException", INVALID);
    }

    @Test
    void onlyLettersDigitsAndFourSymbolsAreAllowed() {
        assertThat(ParameterNames.forWrite("/A-z_0.9/x", SCOPE)).isEqualTo("/A-z_0.9/x");
        for (String name : new String[] {"/a$b", "/a:b", "/é", "/a//b", "/", ""}) {
            assertAwsError(() -> ParameterNames.forWrite(name, SCOPE), "ValidationException", INVALID);
        }
    }

    @Test
    void aPathMustBeFullyQualifiedAndMustNotEndWithASlash() {
        assertAwsError(() -> ParameterNames.forWrite("a/b", SCOPE), "ValidationException",
                "Parameter name must be a fully qualified name.");
        assertAwsError(() -> ParameterNames.forWrite("/a/b/", SCOPE), "ValidationException",
                "Parameter name must not end with slash.");
        // Reads say what AWS's GetParameter says for the same names.
        assertAwsError(() -> ParameterNames.forRead("a/b"), "ValidationException", INVALID);
    }

    @Test
    void reservedPrefixesAreRefusedInAnyCaseAsAwsRefusesThem() {
        assertAwsError(() -> ParameterNames.forWrite("awsThing", SCOPE), "ValidationException",
                "Parameter name: can't be prefixed with \"aws\" or \"ssm\" (case-insensitive).");
        assertAwsError(() -> ParameterNames.forWrite("/SSM", SCOPE), "ValidationException",
                "Parameter name: can't be prefixed with \"aws\" or \"ssm\" (case-insensitive).");
        assertAwsError(() -> ParameterNames.forWrite("/AWS/billet", SCOPE), "AccessDeniedException",
                "No access to reserved parameter name: /AWS/billet.");
        assertAwsError(() -> ParameterNames.forWrite("/Ssm/x", SCOPE), "ValidationException", INVALID);
        assertThat(ParameterNames.forWrite("/my-aws/x", SCOPE)).isEqualTo("/my-aws/x");
    }

    @Test
    void aHierarchyHasAtMostFifteenLevels() {
        String fifteen = "/l".repeat(15);
        assertThat(ParameterNames.forWrite(fifteen, SCOPE)).isEqualTo(fifteen);
        assertAwsError(() -> ParameterNames.forWrite(fifteen + "/x", SCOPE), "HierarchyLevelLimitExceededException");
    }

    @Test
    void theNameWithItsArnPrefixIsAtMost1011Characters() {
        // arn:aws:ssm:us-east-1:111122223333:parameter/ is 45 characters, as AWS's example counts them.
        String longest = "/" + "n".repeat(1011 - 45);
        assertThat(ParameterNames.forWrite(longest, SCOPE)).isEqualTo(longest);
        assertAwsError(() -> ParameterNames.forWrite(longest + "n", SCOPE), "ValidationException");
    }

    @Test
    void readsAcceptSelectorsAndArns() {
        ParameterReference byVersion = ParameterReference.parse("/app/db:3", SCOPE);
        assertThat(byVersion.id()).isEqualTo("/app/db");
        assertThat(byVersion.selectorText()).isEqualTo(":3");
        ParameterReference byArn = ParameterReference.parse("arn:aws:ssm:us-east-1:111122223333:parameter/app:prod", SCOPE);
        assertThat(byArn.id()).isEqualTo("/app");
        assertThat(byArn.byArn()).isTrue();
        assertThat(byArn.selector()).contains("prod");
        assertAwsError(() -> ParameterReference.parse("/app:1:2", SCOPE), "ValidationException",
                "Invalid parameter name. Please use correct syntax for referencing a version/label  <name>:<version/label>");
        assertAwsError(() -> ParameterReference.parse("/app:", SCOPE), "ValidationException");
    }

    @Test
    void anArnOfAnotherRegionNamesNothingHere() {
        assertAwsError(() -> ParameterReference.parse("arn:aws:ssm:eu-west-1:111122223333:parameter/app", SCOPE),
                "ParameterNotFound", null);
    }
}
