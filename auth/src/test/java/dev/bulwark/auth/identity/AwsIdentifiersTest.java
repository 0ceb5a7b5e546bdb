package dev.bulwark.auth.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.AccountId;
import java.security.SecureRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class AwsIdentifiersTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void decodesTheAccountOfAnAwsIssuedKeyId() {
        // The example from "A short note on AWS KEY ID" (Tal Be'ery, 2023), checked against STS GetAccessKeyInfo.
        assertThat(AwsIdentifiers.accountOf("ASIAY34FZKBOKMUTVV7A")).contains(AccountId.of("609629065308"));
    }

    @RepeatedTest(20)
    void generatedKeyIdsEncodeTheirAccountAsAwsDoes() {
        AccountId account = AccountId.of(String.format("%012d", RANDOM.nextLong(1_000_000_000_000L)));

        String longTerm = new AccessKeyGenerator(RANDOM).newLongTermKeyId(account);
        String temporary = new AccessKeyGenerator(RANDOM).newTemporaryKeyId(account);

        assertThat(longTerm).matches("AKIA[A-Z2-7]{16}");
        assertThat(temporary).matches("ASIA[A-Z2-7]{16}");
        assertThat(AwsIdentifiers.accountOf(longTerm)).contains(account);
        assertThat(AwsIdentifiers.accountOf(temporary)).contains(account);
        assertThat(AwsIdentifiers.isTemporary(temporary)).isTrue();
        assertThat(AwsIdentifiers.isTemporary(longTerm)).isFalse();
    }

    @Test
    void idsThatAreNotBase32OfTheRightLengthNameNoAccount() {
        assertThat(AwsIdentifiers.accountOf("AKIA0000000000000000")).isEmpty();
        assertThat(AwsIdentifiers.accountOf("AKIASHORT")).isEmpty();
    }

    @Test
    void uniqueIdsAreThePrefixAndSeventeenBase32Characters() {
        assertThat(AwsIdentifiers.uniqueId("AIDA", RANDOM)).matches("AIDA[A-Z2-7]{17}");
    }
}
