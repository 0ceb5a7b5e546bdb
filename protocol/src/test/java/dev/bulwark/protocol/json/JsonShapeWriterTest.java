package dev.bulwark.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.kms.model.DescribeKeyResponse;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.ListAliasesResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.Tag;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterType;

class JsonShapeWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant CREATED = Instant.parse("2024-01-01T00:00:00.123Z");

    private static JsonNode wire(SdkPojo pojo) throws IOException {
        return JSON.readTree(JsonShapeWriter.WIRE.toBytes(pojo));
    }

    @Test
    void writesDescribeKeyWithNestedMetadataTimestampsAndEnumLists() throws IOException {
        DescribeKeyResponse response = DescribeKeyResponse.builder().keyMetadata(KeyMetadata.builder()
                .keyId("1234abcd-12ab-34cd-56ef-1234567890ab")
                .arn("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")
                .creationDate(CREATED)
                .enabled(true)
                .keyUsage(KeyUsageType.ENCRYPT_DECRYPT)
                .keyState(KeyState.ENABLED)
                .keySpec(KeySpec.SYMMETRIC_DEFAULT)
                .encryptionAlgorithms(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT)
                .build()).build();

        JsonNode metadata = wire(response).get("KeyMetadata");

        assertThat(metadata.get("KeyId").textValue()).isEqualTo("1234abcd-12ab-34cd-56ef-1234567890ab");
        assertThat(metadata.get("CreationDate").isNumber()).isTrue();
        assertThat(metadata.get("CreationDate").decimalValue()).isEqualByComparingTo("1704067200.123");
        assertThat(metadata.get("Enabled").booleanValue()).isTrue();
        assertThat(metadata.get("KeyUsage").textValue()).isEqualTo("ENCRYPT_DECRYPT");
        assertThat(metadata.get("KeyState").textValue()).isEqualTo("Enabled");
        assertThat(metadata.get("EncryptionAlgorithms").toString()).isEqualTo("[\"SYMMETRIC_DEFAULT\"]");
    }

    @Test
    void omitsNullMembersAndListsNobodySet() throws IOException {
        JsonNode metadata = wire(DescribeKeyResponse.builder()
                .keyMetadata(KeyMetadata.builder().keyId("k").build()).build()).get("KeyMetadata");

        assertThat(metadata.toString()).isEqualTo("{\"KeyId\":\"k\"}");
    }

    @Test
    void writesAnExplicitlyEmptyListAsAwsDoes() throws IOException {
        JsonNode body = wire(ListAliasesResponse.builder().aliases(List.of()).truncated(false).build());

        assertThat(body.toString()).isEqualTo("{\"Aliases\":[],\"Truncated\":false}");
    }

    @Test
    void writesBlobsAsBase64() throws IOException {
        JsonNode body = wire(GenerateDataKeyResponse.builder()
                .keyId("arn:aws:kms:us-east-1:111122223333:key/k")
                .plaintext(SdkBytes.fromByteArray(new byte[] {0, 1, 2, (byte) 0xff}))
                .ciphertextBlob(SdkBytes.fromUtf8String("hello"))
                .build());

        assertThat(body.get("Plaintext").textValue()).isEqualTo("AAEC/w==");
        assertThat(body.get("CiphertextBlob").textValue()).isEqualTo("aGVsbG8=");
    }

    @Test
    void writesSsmParameterWithLongVersionAndWholeSecondTimestamp() throws IOException {
        JsonNode parameter = wire(GetParameterResponse.builder().parameter(Parameter.builder()
                .name("/app/db").type(ParameterType.SECURE_STRING).value("v").version(3L)
                .lastModifiedDate(Instant.parse("2024-01-01T00:00:00Z")).build()).build()).get("Parameter");

        assertThat(parameter.get("Type").textValue()).isEqualTo("SecureString");
        assertThat(parameter.get("Version").longValue()).isEqualTo(3L);
        assertThat(parameter.get("LastModifiedDate").toString()).isEqualTo("1704067200");
    }

    @Test
    void writesListSecretsWithNestedListsMapsOfListsAndTimestamps() throws IOException {
        JsonNode body = wire(ListSecretsResponse.builder().secretList(SecretListEntry.builder()
                        .name("db")
                        .lastChangedDate(CREATED)
                        .tags(Tag.builder().key("team").value("a&b").build())
                        .secretVersionsToStages(Map.of("v1", List.of("AWSCURRENT", "AWSPENDING")))
                        .build())
                .nextToken("t")
                .build());

        JsonNode entry = body.get("SecretList").get(0);
        assertThat(entry.get("Name").textValue()).isEqualTo("db");
        assertThat(entry.get("LastChangedDate").decimalValue()).isEqualByComparingTo("1704067200.123");
        assertThat(entry.get("Tags").toString()).isEqualTo("[{\"Key\":\"team\",\"Value\":\"a&b\"}]");
        assertThat(entry.get("SecretVersionsToStages").toString())
                .isEqualTo("{\"v1\":[\"AWSCURRENT\",\"AWSPENDING\"]}");
        assertThat(body.get("NextToken").textValue()).isEqualTo("t");
    }

    @Test
    void writerAndReaderRoundTripARequest() {
        var original = software.amazon.awssdk.services.kms.model.EncryptRequest.builder()
                .keyId("alias/x")
                .plaintext(SdkBytes.fromUtf8String("data"))
                .encryptionContext(Map.of("k", "v"))
                .grantTokens("g")
                .build();
        var builder = software.amazon.awssdk.services.kms.model.EncryptRequest.builder();

        JsonShapeReader.readBody(JsonShapeWriter.WIRE.toBytes(original), (SdkPojo) builder);

        assertThat(builder.build()).isEqualTo(original);
    }
}
