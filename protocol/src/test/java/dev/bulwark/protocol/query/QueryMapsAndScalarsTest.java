package dev.bulwark.protocol.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.ImportKeyMaterialRequest;

/**
 * IAM and STS inputs have no maps, blobs or timestamps among their common shapes, so these
 * query encodings are checked against KMS model classes, which have all three.
 */
class QueryMapsAndScalarsTest {

    @Test
    void readsMapsEntryByEntryAndBlobsAsBase64() {
        EncryptRequest.Builder builder = EncryptRequest.builder();
        new QueryFormReader(Map.of(
                "Plaintext", "aGk=",
                "EncryptionContext.entry.1.key", "purpose",
                "EncryptionContext.entry.1.value", "test",
                "EncryptionContext.entry.2.key", "tenant",
                "EncryptionContext.entry.2.value", "42")).read((SdkPojo) builder);

        EncryptRequest request = builder.build();
        assertThat(request.plaintext()).isEqualTo(SdkBytes.fromUtf8String("hi"));
        assertThat(request.encryptionContext()).containsExactly(Map.entry("purpose", "test"), Map.entry("tenant", "42"));
    }

    @Test
    void readsTimestampsAsIso8601() {
        ImportKeyMaterialRequest.Builder builder = ImportKeyMaterialRequest.builder();
        new QueryFormReader(Map.of("ValidTo", "2024-01-01T00:00:00.250Z")).read((SdkPojo) builder);

        assertThat(builder.build().validTo()).isEqualTo(Instant.parse("2024-01-01T00:00:00.250Z"));
    }

    @Test
    void writesMapsAsEntriesAndBlobsAsBase64() {
        XmlBuilder xml = new XmlBuilder();
        new QueryXmlWriter(xml).writeMembers(EncryptRequest.builder()
                .plaintext(SdkBytes.fromUtf8String("hi"))
                .encryptionContext(Map.of("purpose", "test"))
                .build());

        assertThat(xml.toString()).isEqualTo("<Plaintext>aGk=</Plaintext>"
                + "<EncryptionContext><entry><key>purpose</key><value>test</value></entry></EncryptionContext>");
    }
}
