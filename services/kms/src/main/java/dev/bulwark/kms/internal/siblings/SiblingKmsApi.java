package dev.bulwark.kms.internal.siblings;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.audit.AuditSink;
import dev.bulwark.audit.CallRecords;
import dev.bulwark.core.AwsException;
import dev.bulwark.core.CommonErrors;
import dev.bulwark.core.call.Caller;
import dev.bulwark.core.service.ServiceDescriptor;
import dev.bulwark.crypto.InsecureSecretAccess;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.kms.KmsApi;
import dev.bulwark.kms.internal.cryptography.Cryptography;
import dev.bulwark.kms.internal.cryptography.DataKeys;
import dev.bulwark.kms.internal.lifecycle.KeyLifecycle;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.DescribeKeyRequest;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;

/**
 * {@link KmsApi} for Parameter Store and Secrets Manager: each call is the KMS operation itself,
 * made through the same family handler an SDK client reaches, by the caller as the sibling
 * forwards it ({@link Caller#via}). So validation, key resolution (AWS managed keys created on
 * first use), state checks and errors are the API's own, and authorization sees the caller's
 * principal with {@code kms:CallerAccount} and {@code kms:ViaService}
 * ({@code ssm.us-east-1.amazonaws.com}), which AWS managed keys' policies require.
 *
 * <p>Every call leaves one KMS record in the audit trail, whatever its outcome, as CloudTrail
 * shows a service's calls for a user: event source {@code kms.amazonaws.com}, the caller's
 * principal and request id, source address and user agent {@code ssm.amazonaws.com}, the key as
 * resource, and request parameters with the key id and encryption context, never a plaintext or
 * a ciphertext.
 *
 * <p>Plaintexts cross the SDK shapes as arrays that are wiped once copied into or out of
 * {@link SecretBytes}.
 */
public final class SiblingKmsApi implements KmsApi {
    private static final Pattern ENDPOINT_PREFIX = Pattern.compile("[a-z0-9-]+");

    private final ServiceDescriptor kms;
    private final Cryptography cryptography;
    private final DataKeys dataKeys;
    private final KeyLifecycle lifecycle;
    private final AuditSink audit;
    private final Clock clock;

    public SiblingKmsApi(ServiceDescriptor kms, Cryptography cryptography, DataKeys dataKeys, KeyLifecycle lifecycle,
            AuditSink audit, Clock clock) {
        this.kms = kms;
        this.cryptography = cryptography;
        this.dataKeys = dataKeys;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Encrypted encrypt(Caller caller, String viaService, String keyId, SecretBytes plaintext,
            Map<String, String> encryptionContext) {
        Map<String, String> context = orEmpty(encryptionContext);
        ObjectNode parameters = parameters(keyId, context).put("encryptionAlgorithm", "SYMMETRIC_DEFAULT");
        return forwarded(caller, viaService, "Encrypt", parameters, via -> {
            byte[] raw = plaintext.toByteArray(InsecureSecretAccess.get());
            try {
                EncryptResponse response = cryptography.encrypt(via, EncryptRequest.builder().keyId(keyId)
                        .plaintext(SdkBytes.fromByteArrayUnsafe(raw)).encryptionContext(context).build());
                return new Encrypted(response.keyId(), response.ciphertextBlob().asByteArray());
            } finally {
                Arrays.fill(raw, (byte) 0);
            }
        });
    }

    @Override
    public Decrypted decrypt(Caller caller, String viaService, byte[] ciphertextBlob, Map<String, String> encryptionContext) {
        Map<String, String> context = orEmpty(encryptionContext);
        ObjectNode parameters = parameters(null, context).put("encryptionAlgorithm", "SYMMETRIC_DEFAULT");
        return forwarded(caller, viaService, "Decrypt", parameters, via -> {
            DecryptResponse response = cryptography.decrypt(via, DecryptRequest.builder()
                    .ciphertextBlob(SdkBytes.fromByteArray(ciphertextBlob)).encryptionContext(context).build());
            return new Decrypted(response.keyId(), takeSecret(response.plaintext()));
        });
    }

    @Override
    public DataKey generateDataKey(Caller caller, String viaService, String keyId, Map<String, String> encryptionContext) {
        Map<String, String> context = orEmpty(encryptionContext);
        ObjectNode parameters = parameters(keyId, context).put("keySpec", "AES_256");
        return forwarded(caller, viaService, "GenerateDataKey", parameters, via -> {
            GenerateDataKeyResponse response = dataKeys.generateDataKey(via, GenerateDataKeyRequest.builder().keyId(keyId)
                    .keySpec("AES_256").encryptionContext(context).build());
            return new DataKey(response.keyId(), takeSecret(response.plaintext()), response.ciphertextBlob().asByteArray());
        });
    }

    @Override
    public String keyArn(Caller caller, String viaService, String keyId) {
        return forwarded(caller, viaService, "DescribeKey", parameters(keyId, Map.of()),
                via -> lifecycle.describeKey(via, DescribeKeyRequest.builder().keyId(keyId).build()).keyMetadata().arn());
    }

    /** Runs one KMS operation as the sibling forwards it and records it, succeeded or failed. */
    private <T> T forwarded(Caller caller, String viaService, String eventName, ObjectNode parameters, Function<Caller, T> call) {
        if (viaService == null || !ENDPOINT_PREFIX.matcher(viaService).matches()) {
            throw new IllegalArgumentException("viaService is a service's endpoint prefix such as ssm, not " + viaService);
        }
        Caller via = caller.via(viaService + ".amazonaws.com");
        Instant eventTime = clock.instant();
        try {
            T result = call.apply(via);
            audit.record(CallRecords.forwarded(via, kms, eventName, true, eventTime, parameters, Optional.empty()));
            return result;
        } catch (AwsException failure) {
            audit.record(CallRecords.forwarded(via, kms, eventName, true, eventTime, parameters, Optional.of(failure)));
            throw failure;
        } catch (RuntimeException unexpected) {
            audit.record(CallRecords.forwarded(via, kms, eventName, true, eventTime, parameters,
                    Optional.of(CommonErrors.internalFailure())));
            throw unexpected;
        }
    }

    /** CloudTrail's requestParameters: the key as named and the encryption context, nothing secret. */
    private static ObjectNode parameters(String keyId, Map<String, String> context) {
        ObjectNode parameters = JsonNodeFactory.instance.objectNode();
        if (keyId != null) {
            parameters.put("keyId", keyId);
        }
        if (!context.isEmpty()) {
            ObjectNode encryptionContext = parameters.putObject("encryptionContext");
            context.forEach(encryptionContext::put);
        }
        return parameters;
    }

    private static Map<String, String> orEmpty(Map<String, String> context) {
        return context == null ? Map.of() : context;
    }

    /** Copies a plaintext out of a response shape into a secret and wipes the shape's bytes. */
    private static SecretBytes takeSecret(SdkBytes plaintext) {
        byte[] raw = plaintext.asByteArrayUnsafe();
        try {
            return SecretBytes.copyOf(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }
}
