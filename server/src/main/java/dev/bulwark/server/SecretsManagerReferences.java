package dev.bulwark.server;

import dev.bulwark.core.AwsException;
import dev.bulwark.core.call.Caller;
import dev.bulwark.core.service.AwsService;
import dev.bulwark.core.service.Operation;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.protocol.json.JsonShapeWriter;
import dev.bulwark.ssm.SecretReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * Parameter Store's {@code /aws/reference/secretsmanager/} names, answered by Secrets Manager's
 * own GetSecretValue and DescribeSecret as the caller, so the secret's resource policy, the
 * caller's permissions and the key policy decide exactly as for a direct call. Siblings meet
 * through each other's public operation tables, never their internals.
 */
final class SecretsManagerReferences implements SecretReader {
    // Version ids are the ClientRequestTokens versions were written with: UUIDs in practice.
    private static final Pattern VERSION_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Supplier<AwsService> secretsManager;

    SecretsManagerReferences(Supplier<AwsService> secretsManager) {
        this.secretsManager = secretsManager;
    }

    @Override
    public Optional<ReferencedSecret> read(Caller caller, String secretId, Optional<String> versionIdOrStage) {
        GetSecretValueRequest.Builder get = GetSecretValueRequest.builder().secretId(secretId);
        versionIdOrStage.ifPresent(selector -> {
            if (VERSION_ID.matcher(selector).matches()) {
                get.versionId(selector);
            } else {
                get.versionStage(selector);
            }
        });
        GetSecretValueResponse value;
        DescribeSecretResponse description;
        try {
            value = invoke("GetSecretValue", caller, get.build());
            description = invoke("DescribeSecret", caller, DescribeSecretRequest.builder().secretId(value.arn()).build());
        } catch (AwsException e) {
            if ("ResourceNotFoundException".equals(e.code())) {
                return Optional.empty();
            }
            throw e;
        }
        byte[] secret = value.secretString() != null
                ? value.secretString().getBytes(StandardCharsets.UTF_8)
                : Base64.getEncoder().encode(value.secretBinary().asByteArrayUnsafe());
        return Optional.of(new ReferencedSecret(value.arn(), SecretBytes.copyOf(secret), value.createdDate(),
                new String(JsonShapeWriter.WIRE.toBytes(description), StandardCharsets.UTF_8)));
    }

    @SuppressWarnings("unchecked")
    private <O extends SdkResponse> O invoke(String operationName, Caller caller, SdkRequest request) {
        Operation<?, ?> operation = secretsManager.get().operations().stream()
                .filter(candidate -> candidate.name().equals(operationName))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Secrets Manager has no " + operationName));
        return (O) operation.invoke(caller, request);
    }
}
