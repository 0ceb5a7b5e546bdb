package dev.bulwark.cloudtrail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.cloudtrail.Fixtures;
import dev.bulwark.core.AwsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrailNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "My.Trail_01-x", "a1b"})
    void validNamesPass(String name) {
        assertThatCode(() -> TrailNames.check(name)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ab|Trail name too short. Minimum allowed length: 3 characters. Specified name length: 2 characters.",
            "-abc|Trail name must starts with a letter or number.",
            "abc_|Trail name must ends with a letter or number.",
            "ab c|Trail name or ARN can only contain uppercase letters, lowercase letters, numbers, periods (.), hyphens (-), and underscores (_).",
            "my--trail|Trail name must not have adjacent periods, underscores or dashes.",
            "my-_trail|Trail name must not have adjacent periods, underscores or dashes.",
            "192.168.5.4|Trail name must not be in IP address format."})
    void invalidNamesAreRefusedWithAwsMessages(String name, String message) {
        assertThatThrownBy(() -> TrailNames.check(name))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidTrailNameException");
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    @Test
    void aNameLongerThan128CharactersIsRefused() {
        assertThatThrownBy(() -> TrailNames.check("a".repeat(129)))
                .hasMessage("Trail name too long. Maximum allowed length: 128 characters. Specified name length: 129 characters.");
    }

    @Test
    void anArnNamesItsAccountRegionAndName() {
        TrailNames.TrailId id = TrailNames.parse("arn:aws:cloudtrail:eu-west-1:111122223333:trail/main",
                Fixtures.ACCOUNT, Fixtures.REGION);

        assertThat(id.region()).isEqualTo(Fixtures.OTHER_REGION);
        assertThat(id.name()).isEqualTo("main");
        assertThat(id.byArn()).isTrue();
    }

    @Test
    void anArnOfAnotherResourceIsInvalid() {
        assertThatThrownBy(() -> TrailNames.parse("arn:aws:kms:us-east-1:111122223333:key/x", Fixtures.ACCOUNT,
                Fixtures.REGION))
                .isInstanceOfSatisfying(AwsException.class,
                        e -> assertThat(e.code()).isEqualTo("CloudTrailARNInvalidException"));
    }
}
