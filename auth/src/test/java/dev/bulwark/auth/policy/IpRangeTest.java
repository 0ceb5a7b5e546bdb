package dev.bulwark.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpRangeTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            10.0.0.0/8          | 10.255.1.2       | true
            10.0.0.0/8          | 11.0.0.1         | false
            10.1.2.3/8          | 10.200.0.1       | true
            192.0.2.0/25        | 192.0.2.127      | true
            192.0.2.0/25        | 192.0.2.128      | false
            0.0.0.0/0           | 198.51.100.7     | true
            192.0.2.1           | 192.0.2.1        | true
            192.0.2.1/32        | 192.0.2.2        | false
            2001:db8::/32       | 2001:DB8:FFFF::1 | true
            2001:db8::/32       | 2001:db9::1      | false
            ::/0                | ::1              | true
            10.0.0.0/8          | ::ffff:10.0.0.1  | true
            10.0.0.0/8          | 10.0.0           | false
            10.0.0.0/8          | 10.0.0.256       | false
            10.0.0.0/8          | localhost        | false
            """)
    void containsAddressesOfItsBlock(String cidr, String address, boolean contains) {
        assertThat(IpRange.parse(cidr).orElseThrow().contains(address)).isEqualTo(contains);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "2001:db8::/129", "10.0.0.0/", "10.0.0.0/x", "localhost", "example.com/24",
            ".:", "300.0.0.1", "", "1.2.3.4:80", "::ffff:999.1.1.1", "12345::", "fe80::1%eth0", "1:2:3:4:5:6:7:8:9"})
    void rejectsWhatIsNotABlock(String text) {
        assertThat(IpRange.parse(text)).isEmpty();
    }
}
