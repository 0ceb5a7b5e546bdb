package dev.bulwark.cloudtrail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryPathsTest {
    private static final Instant DELIVERED = Instant.parse("2015-08-01T02:10:33Z");
    private static final Path ROOT = Path.of("/srv/trails");

    @Test
    void logFilesAreNamedAsAwsNamesThem() {
        String key = DeliveryPaths.logFileKey("prod", "111122223333", "us-east-2", DELIVERED, "Mu0KsOhtH1ar15ZZ");

        assertThat(key).isEqualTo("prod/AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/01/"
                + "111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz");
        assertThat(DeliveryPaths.parseLogFileName(Path.of(key).getFileName().toString())).hasValueSatisfying(name -> {
            assertThat(name.region()).isEqualTo("us-east-2");
            assertThat(name.deliveredMinute()).isEqualTo(Instant.parse("2015-08-01T02:10:00Z"));
        });
    }

    @Test
    void digestFilesAreNamedAsAwsNamesThem() {
        String key = DeliveryPaths.digestKey("", "111122223333", "us-east-2", "my_trail", "us-east-1", DELIVERED);

        assertThat(key).isEqualTo("AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2015/08/01/"
                + "111122223333_CloudTrail-Digest_us-east-2_my_trail_us-east-1_20150801T021033Z.json.gz");
        assertThat(DeliveryPaths.parseDigestFileName(Path.of(key).getFileName().toString())).hasValueSatisfying(name -> {
            assertThat(name.trailName()).isEqualTo("my_trail");
            assertThat(name.homeRegion()).isEqualTo("us-east-1");
            assertThat(name.end()).isEqualTo(DELIVERED);
        });
    }

    @Test
    void anObjectStaysInsideItsBucketFolder() {
        assertThat(DeliveryPaths.file(ROOT, "audit", "AWSLogs/x.json.gz")).isEqualTo(Path.of("/srv/trails/audit/AWSLogs/x.json.gz"));
        assertThatThrownBy(() -> DeliveryPaths.file(ROOT, "..", "etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeliveryPaths.file(ROOT, "audit", "../other/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeliveryPaths.file(ROOT, "a/b", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
