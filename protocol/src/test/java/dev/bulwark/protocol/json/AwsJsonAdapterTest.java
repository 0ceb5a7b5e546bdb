package dev.bulwark.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.core.AwsException;
import dev.bulwark.core.CommonErrors;
import dev.bulwark.core.service.WireProtocol;
import dev.bulwark.core.wire.WireRequest;
import dev.bulwark.core.wire.WireResponse;
import dev.bulwark.protocol.ProtocolAdapter;
import dev.bulwark.protocol.ProtocolAdapters;
import dev.bulwark.protocol.TestServices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.EncryptResponse;

class AwsJsonAdapterTest {
    private final ProtocolAdapter adapter = ProtocolAdapters.forProtocol(WireProtocol.AWS_JSON_1_1);

    private static WireRequest target(String target, String body) {
        return TestServices.post(Map.of("X-Amz-Target", List.of(target),
                "Content-Type", List.of("application/x-amz-json-1.1")), body);
    }

    @Test
    void resolvesTheOperationNamedByXAmzTarget() {
        assertThat(adapter.resolve(TestServices.kms(), target("TrentService.Encrypt", "{}")))
                .isSameAs(TestServices.ENCRYPT);
    }

    @Test
    void unknownOperationsAndForeignPrefixesAreUnknownOperationException() {
        for (WireRequest request : List.of(
                target("TrentService.Frobnicate", "{}"),
                target("AmazonSSM.Encrypt", "{}"),
                target("Encrypt", "{}"),
                TestServices.post(Map.of(), "{}"))) {
            assertThatThrownBy(() -> adapter.resolve(TestServices.kms(), request))
                    .isInstanceOfSatisfying(AwsException.class, e -> {
                        assertThat(e.code()).isEqualTo("UnknownOperationException");
                        assertThat(e.httpStatus()).isEqualTo(400);
                    });
        }
    }

    @Test
    void targetPrefixNamesTheServiceOfAJsonRequest() {
        assertThat(ProtocolAdapters.targetPrefix(target("TrentService.Encrypt", ""))).contains("TrentService");
        assertThat(ProtocolAdapters.targetPrefix(target("secretsmanager.GetSecretValue", "")))
                .contains("secretsmanager");
        assertThat(ProtocolAdapters.targetPrefix(TestServices.post(Map.of(), "Action=GetUser"))).isEmpty();
    }

    @Test
    void readsTheBodyIntoTheOperationsRequestType() {
        var request = adapter.readRequest(TestServices.ENCRYPT,
                target("TrentService.Encrypt", "{\"KeyId\":\"alias/a\",\"Plaintext\":\"aGk=\"}"));

        assertThat(request).isInstanceOfSatisfying(EncryptRequest.class, encrypt -> {
            assertThat(encrypt.keyId()).isEqualTo("alias/a");
            assertThat(encrypt.plaintext()).isEqualTo(SdkBytes.fromUtf8String("hi"));
        });
    }

    @Test
    void writesResponsesWithTheProtocolsContentTypeAndRequestId() throws IOException {
        WireResponse response = adapter.writeResponse(TestServices.KMS, TestServices.ENCRYPT,
                EncryptResponse.builder().keyId("k").ciphertextBlob(SdkBytes.fromUtf8String("c")).build(), "req-1");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("Content-Type", "application/x-amz-json-1.1")
                .containsEntry("x-amzn-RequestId", "req-1");
        assertThat(new ObjectMapper().readTree(response.body()).toString())
                .isEqualTo("{\"CiphertextBlob\":\"Yw==\",\"KeyId\":\"k\"}");
    }

    @Test
    void json10DiffersOnlyInContentType() {
        WireResponse response = ProtocolAdapters.forProtocol(WireProtocol.AWS_JSON_1_0)
                .writeError(TestServices.KMS, CommonErrors.unknownOperation(), "r");

        assertThat(response.headers()).containsEntry("Content-Type", "application/x-amz-json-1.0");
    }

    @Test
    void writesErrorsAsKmsDoes() {
        WireResponse response = adapter.writeError(TestServices.KMS,
                new AwsException("NotFoundException", 400, "Key 'alias/x' does not exist"), "req-2");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers()).containsEntry("x-amzn-ErrorType", "NotFoundException")
                .containsEntry("x-amzn-RequestId", "req-2")
                .containsEntry("Content-Type", "application/x-amz-json-1.1");
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"__type\":\"NotFoundException\",\"message\":\"Key 'alias/x' does not exist\"}");
    }

    @Test
    void errorsWithoutMessageHaveOnlyTheirType() {
        WireResponse response = adapter.writeError(TestServices.KMS, CommonErrors.unknownOperation(), "r");

        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"__type\":\"UnknownOperationException\"}");
    }

    @Test
    void serverFaultsKeepTheirStatus() {
        WireResponse response = adapter.writeError(TestServices.KMS, CommonErrors.internalFailure(), "r");

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.headers()).containsEntry("x-amzn-ErrorType", "InternalFailure");
    }
}
