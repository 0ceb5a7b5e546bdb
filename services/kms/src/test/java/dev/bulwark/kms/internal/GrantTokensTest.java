package dev.bulwark.kms.internal;

import static dev.bulwark.kms.testing.AwsErrorAssert.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrantTokensTest {
    private static final KmsScope SCOPE = new KmsScope(AccountId.of("111122223333"), Region.of("eu-west-1"));
    private static final String KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String GRANT_ID = "0c237476b39f8bc44e45212e08498fbe3151305030726c0590dd8d3e9f3d6a60";
    private final SecureRandom random = new SecureRandom();

    @Test
    void aTokenNamesItsGrantAndKey() {
        String token = GrantTokens.issue(SCOPE, KEY_ID, GRANT_ID, random);

        assertThat(GrantTokens.read(token)).isEqualTo(new GrantTokens.Token(SCOPE, KEY_ID, GRANT_ID));
        assertThat(token).matches("[A-Za-z0-9_-]+").hasSizeGreaterThan(150);
    }

    @Test
    void everyIssueIsADifferentTokenForTheSameGrant() {
        String first = GrantTokens.issue(SCOPE, KEY_ID, GRANT_ID, random);
        String second = GrantTokens.issue(SCOPE, KEY_ID, GRANT_ID, random);

        assertThat(first).isNotEqualTo(second);
        assertThat(GrantTokens.read(first)).isEqualTo(GrantTokens.read(second));
    }

    @Test
    void anythingElseIsAnInvalidGrantToken() {
        String token = GrantTokens.issue(SCOPE, KEY_ID, GRANT_ID, random);
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        String truncated = Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(bytes, bytes.length - 1));

        for (String invalid : List.of("not a token", "", "AQID", truncated, token + "A", "x".repeat(300))) {
            assertAwsError(() -> GrantTokens.read(invalid), "InvalidGrantTokenException", "Invalid grant token.");
        }
        assertAwsError(() -> GrantTokens.check(List.of(token, "bogus")), "InvalidGrantTokenException", "Invalid grant token.");
    }
}
