package dev.bulwark.secretsmanager.internal.passwords;

import static dev.bulwark.secretsmanager.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class PasswordGeneratorTest {
    private final PasswordGenerator generator = new PasswordGenerator(new SecureRandom());

    private String generate(PasswordGenerator.Options options) {
        return new String(generator.generate(options));
    }

    @RepeatedTest(20)
    void defaultsDrawEveryClassAtLeastOnce() {
        String password = generate(PasswordGenerator.Options.defaults(32));
        assertThat(password).hasSize(32)
                .containsPattern("[a-z]").containsPattern("[A-Z]").containsPattern("[0-9]")
                .containsPattern("[" + java.util.regex.Pattern.quote(PasswordGenerator.PUNCTUATION) + "]")
                .doesNotContain(" ");
    }

    @Test
    void excludedCharactersAndClassesNeverAppear() {
        String password = generate(new PasswordGenerator.Options(120, "xyzDje@?!.", false, false, false, false, false, true));
        assertThat(password).hasSize(120).doesNotContainPattern("[xyzDje@?!.]");
        String digits = generate(new PasswordGenerator.Options(64, "", false, true, true, true, false, true));
        assertThat(digits).matches("[0-9]{64}");
    }

    @Test
    void includeSpaceAllowsSpaces() {
        String password = generate(new PasswordGenerator.Options(4096, "", true, true, true, true, true, false));
        assertThat(password).contains(" ").matches("[a-z ]{4096}");
    }

    @Test
    void aLengthShorterThanTheRequiredTypesIsRefused() {
        assertAwsError(() -> generate(PasswordGenerator.Options.defaults(3)), "InvalidParameterException",
                "Password length is too short based on the required types.");
        assertThat(generate(new PasswordGenerator.Options(1, "", false, false, false, false, false, false))).hasSize(1);
    }
}
