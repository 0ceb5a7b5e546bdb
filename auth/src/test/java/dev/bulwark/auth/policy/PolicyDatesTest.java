package dev.bulwark.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyDatesTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2020-01-01T00:00:00Z              | 2020-01-01T00:00:00Z
            2020-01-01T00:00:00.123Z          | 2020-01-01T00:00:00.123Z
            2020-01-01T00:00:00z              | 2020-01-01T00:00:00Z
            2020-01-01t02:00:00+02:00         | 2020-01-01T00:00:00Z
            2020-01-01T00:00:00-05:00         | 2020-01-01T05:00:00Z
            2016-12-13t2:00:00.593194+23      | 2016-12-12T03:00:00.593194Z
            2020-01-01                        | 2020-01-01T00:00:00Z
            2020-06                           | 2020-06-01T00:00:00Z
            2020-01-01T10                     | 2020-01-01T10:00:00Z
            01T                               | 0001-01-01T00:00:00Z
            1577836800                        | 2020-01-01T00:00:00Z
            0                                 | 1970-01-01T00:00:00Z
            """)
    void readsTheFormsAwsAccepts(String text, String instant) {
        assertThat(PolicyDates.parse(text)).contains(Instant.parse(instant));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sdfdsf", "234-13", "2020-02-30", "2016-12-13t2:00:00.593194+1",
            "2016-12-13t2:00:00.1999999999+10:59", "9223372036854775808", "1577836800.5", "", "2020-01-01T25:00:00Z"})
    void rejectsWhatAwsRejects(String text) {
        assertThat(PolicyDates.parse(text)).isEmpty();
    }
}
