package dev.bulwark.kms.internal;

import static dev.bulwark.kms.testing.AwsErrorAssert.assertAwsErrorCode;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkersTest {

    @Test
    void aMarkerDecodesToWhereItWasMade() {
        assertThat(Markers.decode(Markers.encode("alias/some/name"))).isEqualTo("alias/some/name");
        assertThat(Markers.decode(null)).isEmpty();
        assertThat(Markers.encode("1234abcd-12ab-34cd-56ef-1234567890ab")).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void aMarkerThatKmsDidNotMakeIsInvalid() {
        for (String marker : new String[] {"!!!", "bm90LWEtbWFya2Vy", Markers.encode("x").substring(1), "MTo"}) {
            assertAwsErrorCode(() -> Markers.decode(marker), "InvalidMarkerException");
        }
    }
}
