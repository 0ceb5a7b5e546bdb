package dev.bulwark.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.core.AwsException;
import dev.bulwark.protocol.shape.ShapeValues;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyRequest;
import software.amazon.awssdk.services.kms.model.ImportKeyMaterialRequest;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.Tag;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretVersionIdsRequest;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;

class JsonShapeReaderTest {

    private static <T> T read(SdkPojo builder, String json) {
        JsonShapeReader.readBody(json.getBytes(StandardCharsets.UTF_8), builder);
        @SuppressWarnings("unchecked")
        T built = (T) ShapeValues.build(builder);
        return built;
    }

    @Test
    void readsCreateKeyWithEnumsAndListOfStructures() {
        CreateKeyRequest request = read((SdkPojo) CreateKeyRequest.builder(), """
                {"Description":"app key","KeyUsage":"SIGN_VERIFY","KeySpec":"ECC_NIST_P256",
                 "MultiRegion":true,
                 "Tags":[{"TagKey":"team","TagValue":"payments"},{"TagKey":"env","TagValue":"prod"}]}""");

        assertThat(request.description()).isEqualTo("app key");
        assertThat(request.keyUsage()).isEqualTo(KeyUsageType.SIGN_VERIFY);
        assertThat(request.keySpec()).isEqualTo(KeySpec.ECC_NIST_P256);
        assertThat(request.multiRegion()).isTrue();
        assertThat(request.tags()).containsExactly(
                Tag.builder().tagKey("team").tagValue("payments").build(),
                Tag.builder().tagKey("env").tagValue("prod").build());
    }

    @Test
    void enumValuesUnknownToThisSdkPassThroughAsStrings() {
        CreateKeyRequest request = read((SdkPojo) CreateKeyRequest.builder(), "{\"KeySpec\":\"FUTURE_SPEC\"}");

        assertThat(request.keySpec()).isEqualTo(KeySpec.UNKNOWN_TO_SDK_VERSION);
        assertThat(request.keySpecAsString()).isEqualTo("FUTURE_SPEC");
    }

    @Test
    void readsEncryptWithBase64BlobMapAndList() {
        EncryptRequest request = read((SdkPojo) EncryptRequest.builder(), """
                {"KeyId":"alias/app","Plaintext":"aGVsbG8=",
                 "EncryptionContext":{"purpose":"test","tenant":"42"},
                 "GrantTokens":["g1","g2"],"EncryptionAlgorithm":"SYMMETRIC_DEFAULT"}""");

        assertThat(request.keyId()).isEqualTo("alias/app");
        assertThat(request.plaintext()).isEqualTo(SdkBytes.fromUtf8String("hello"));
        assertThat(request.encryptionContext()).containsExactly(Map.entry("purpose", "test"), Map.entry("tenant", "42"));
        assertThat(request.grantTokens()).containsExactly("g1", "g2");
        assertThat(request.encryptionAlgorithm()).isEqualTo(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);
    }

    @Test
    void readsSsmPutParameterWithLongBooleanAndTags() {
        PutParameterRequest request = read((SdkPojo) PutParameterRequest.builder(), """
                {"Name":"/app/db/password","Value":"s3cret","Type":"SecureString","Overwrite":false,
                 "Tier":"Advanced","Tags":[{"Key":"owner","Value":"me"}]}""");

        assertThat(request.name()).isEqualTo("/app/db/password");
        assertThat(request.value()).isEqualTo("s3cret");
        assertThat(request.type()).isEqualTo(ParameterType.SECURE_STRING);
        assertThat(request.overwrite()).isFalse();
        assertThat(request.tier()).isEqualTo(ParameterTier.ADVANCED);
        assertThat(request.tags()).singleElement().satisfies(tag -> {
            assertThat(tag.key()).isEqualTo("owner");
            assertThat(tag.value()).isEqualTo("me");
        });
    }

    @Test
    void readsIntegersAndSecretBinary() {
        GenerateDataKeyRequest dataKey = read((SdkPojo) GenerateDataKeyRequest.builder(),
                "{\"KeyId\":\"k\",\"NumberOfBytes\":32}");
        CreateSecretRequest secret = read((SdkPojo) CreateSecretRequest.builder(),
                "{\"Name\":\"s\",\"SecretBinary\":\"AAEC\"}");
        ListSecretVersionIdsRequest versions = read((SdkPojo) ListSecretVersionIdsRequest.builder(),
                "{\"SecretId\":\"s\",\"MaxResults\":5,\"IncludeDeprecated\":true}");

        assertThat(dataKey.numberOfBytes()).isEqualTo(32);
        assertThat(secret.secretBinary().asByteArray()).containsExactly(0, 1, 2);
        assertThat(versions.maxResults()).isEqualTo(5);
        assertThat(versions.includeDeprecated()).isTrue();
    }

    @Test
    void readsTimestampsAsEpochSecondsWithFraction() {
        ImportKeyMaterialRequest fractional = read((SdkPojo) ImportKeyMaterialRequest.builder(),
                "{\"KeyId\":\"k\",\"ValidTo\":1704067200.5}");
        ImportKeyMaterialRequest whole = read((SdkPojo) ImportKeyMaterialRequest.builder(),
                "{\"KeyId\":\"k\",\"ValidTo\":1704067200}");

        assertThat(fractional.validTo()).isEqualTo(Instant.parse("2024-01-01T00:00:00.500Z"));
        assertThat(whole.validTo()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Test
    void emptyBodyAndNullMembersReadAsAbsent() {
        EncryptRequest empty = read((SdkPojo) EncryptRequest.builder(), "");
        EncryptRequest nulls = read((SdkPojo) EncryptRequest.builder(), "{\"KeyId\":null,\"GrantTokens\":null}");

        assertThat(empty.keyId()).isNull();
        assertThat(empty.hasGrantTokens()).isFalse();
        assertThat(nulls.keyId()).isNull();
        assertThat(nulls.hasGrantTokens()).isFalse();
    }

    @Test
    void ignoresUnknownMembersAsAwsDoes() {
        EncryptRequest request = read((SdkPojo) EncryptRequest.builder(), "{\"KeyId\":\"k\",\"Bogus\":{\"x\":[1]}}");

        assertThat(request.keyId()).isEqualTo("k");
    }

    @Test
    void malformedJsonIsSerializationExceptionWithoutEchoingInput() {
        assertThatThrownBy(() -> read((SdkPojo) EncryptRequest.builder(), "{\"Plaintext\":\"topsecret"))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("SerializationException");
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.getMessage()).doesNotContain("topsecret");
                });
        assertThatThrownBy(() -> read((SdkPojo) EncryptRequest.builder(), "{} trailing"))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("SerializationException"));
    }

    @Test
    void wrongJsonTypesAreSerializationExceptionsInAwsWords() {
        assertSerializationError(GenerateDataKeyRequest.builder(), "{\"NumberOfBytes\":\"32\"}",
                "STRING_VALUE can not be converted to an Integer");
        assertSerializationError(GenerateDataKeyRequest.builder(), "{\"NumberOfBytes\":32.5}",
                "NUMBER_VALUE 32.5 can not be converted to an Integer");
        assertSerializationError(EncryptRequest.builder(), "{\"KeyId\":42}",
                "NUMBER_VALUE can not be converted to a String");
        assertSerializationError(EncryptRequest.builder(), "{\"GrantTokens\":\"g1\"}",
                "STRING_VALUE can not be converted to a List");
        assertSerializationError(EncryptRequest.builder(), "{\"KeyId\":[\"k\"]}",
                "Start of list found where not expected");
        assertSerializationError(EncryptRequest.builder(), "{\"EncryptionContext\":{\"a\":{}}}",
                "Start of structure or map found where not expected.");
        assertSerializationError(EncryptRequest.builder(), "[]", "Start of list found where not expected");
        assertSerializationError(CreateKeyRequest.builder(), "{\"MultiRegion\":\"true\"}",
                "STRING_VALUE can not be converted to a Boolean");
        assertSerializationError(GenerateDataKeyRequest.builder(), "{\"NumberOfBytes\":99999999999}",
                "NUMBER_VALUE 99999999999 can not be converted to an Integer");
    }

    @Test
    void invalidBase64IsSerializationException() {
        assertSerializationError(EncryptRequest.builder(), "{\"Plaintext\":\"not base64!\"}",
                "Invalid base64 in member Plaintext");
    }

    private static void assertSerializationError(Object builder, String json, String message) {
        assertThatThrownBy(() -> read((SdkPojo) builder, json))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("SerializationException");
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    @Test
    void listElementsThatAreNullAreDropped() {
        EncryptRequest request = read((SdkPojo) EncryptRequest.builder(), "{\"GrantTokens\":[\"a\",null,\"b\"]}");

        assertThat(request.grantTokens()).isEqualTo(List.of("a", "b"));
    }
}
