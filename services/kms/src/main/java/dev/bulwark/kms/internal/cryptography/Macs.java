package dev.bulwark.kms.internal.cryptography;

import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import dev.bulwark.crypto.kms.Hmac;
import dev.bulwark.crypto.kms.KeyUsage;
import dev.bulwark.crypto.kms.MacAlgorithm;
import dev.bulwark.kms.internal.KeyAccess;
import dev.bulwark.kms.internal.KeyMaterial;
import dev.bulwark.kms.internal.KmsCore;
import dev.bulwark.kms.internal.KmsErrors;
import dev.bulwark.kms.internal.KmsKey;
import dev.bulwark.kms.internal.KmsRecords;
import dev.bulwark.kms.internal.KmsTransactions;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.GenerateMacRequest;
import software.amazon.awssdk.services.kms.model.GenerateMacResponse;
import software.amazon.awssdk.services.kms.model.VerifyMacRequest;
import software.amazon.awssdk.services.kms.model.VerifyMacResponse;

/**
 * GenerateMac and VerifyMac with HMAC keys (GENERATE_VERIFY_MAC): HMAC (RFC 2104) with the SHA-2
 * hash of the key's size, over messages of 1 to 4096 bytes. A MAC that does not verify is
 * KMSInvalidMacException, as in AWS; the comparison is constant-time.
 *
 * <p>Checks run in AWS's order: constraints, key and authorization (with {@code kms:MacAlgorithm}),
 * state, usage, algorithm for the key spec ({@code Algorithm HMAC_SHA_256 is incompatible with key
 * spec HMAC_224.}), then DryRun.
 */
public final class Macs {
    // AWS's order in its ValidationException (recorded), which is not the model's.
    private static final List<String> MAC_ALGORITHMS = List.of("HMAC_SHA_384", "HMAC_SHA_256", "HMAC_SHA_224", "HMAC_SHA_512");
    private static final int MAX_MESSAGE = 4096;
    private static final int MAX_MAC = 6144;

    private final KmsTransactions transactions;
    private final KmsRecords records;
    private final KeyAccess access;

    public Macs(KmsCore core) {
        this.transactions = core.transactions();
        this.records = core.records();
        this.access = core.access();
    }

    public GenerateMacResponse generateMac(Caller caller, GenerateMacRequest request) {
        Validation.check()
                .required("message", request.message())
                .sensitive("message", request.message(), 1, MAX_MESSAGE)
                .requiredText("keyId", request.keyId(), 1, 2048)
                .required("macAlgorithm", request.macAlgorithmAsString())
                .oneOf("macAlgorithm", request.macAlgorithmAsString(), MAC_ALGORITHMS)
                .count("grantTokens", request.hasGrantTokens() ? request.grantTokens() : null, 0, 10)
                .orThrow();
        MacKey macKey = macKey(caller, request.keyId(), "kms:GenerateMac", "GenerateMac", request.macAlgorithmAsString(),
                request.dryRun());
        byte[] mac = Hmac.compute(macKey.key().spec(), macKey.material().secret(), macKey.algorithm(),
                request.message().asByteArrayUnsafe());
        return GenerateMacResponse.builder()
                .mac(SdkBytes.fromByteArrayUnsafe(mac))
                .macAlgorithm(macKey.algorithm().wireName())
                .keyId(macKey.key().arn())
                .build();
    }

    public VerifyMacResponse verifyMac(Caller caller, VerifyMacRequest request) {
        Validation.check()
                .required("message", request.message())
                .sensitive("message", request.message(), 1, MAX_MESSAGE)
                .requiredText("keyId", request.keyId(), 1, 2048)
                .required("macAlgorithm", request.macAlgorithmAsString())
                .oneOf("macAlgorithm", request.macAlgorithmAsString(), MAC_ALGORITHMS)
                .required("mac", request.mac())
                .length("mac", request.mac(), 1, MAX_MAC)
                .count("grantTokens", request.hasGrantTokens() ? request.grantTokens() : null, 0, 10)
                .orThrow();
        MacKey macKey = macKey(caller, request.keyId(), "kms:VerifyMac", "VerifyMac", request.macAlgorithmAsString(),
                request.dryRun());
        if (!Hmac.verify(macKey.key().spec(), macKey.material().secret(), macKey.algorithm(),
                request.message().asByteArrayUnsafe(), request.mac().asByteArrayUnsafe())) {
            throw KmsErrors.invalidMac();
        }
        return VerifyMacResponse.builder()
                .keyId(macKey.key().arn())
                .macValid(true)
                .macAlgorithm(macKey.algorithm().wireName())
                .build();
    }

    private MacKey macKey(Caller caller, String keyId, String action, String operation, String algorithmName, Boolean dryRun) {
        return transactions.read(tx -> {
            KmsKey key = access.forUse(tx, caller, keyId, action, conditions -> conditions.put("kms:MacAlgorithm", algorithmName)).key();
            key.requireEnabled();
            key.requireUsage(KeyUsage.GENERATE_VERIFY_MAC, operation);
            MacAlgorithm algorithm = MacAlgorithm.fromWireName(algorithmName)
                    .filter(known -> known.supports(key.spec()))
                    .orElseThrow(() -> KmsErrors.algorithmIncompatible(algorithmName, key.spec().wireName()));
            if (Boolean.TRUE.equals(dryRun)) {
                throw KmsErrors.dryRun();
            }
            return new MacKey(key, algorithm, records.currentMaterial(tx, key));
        });
    }

    private record MacKey(KmsKey key, MacAlgorithm algorithm, KeyMaterial material) {
    }
}
