package dev.bulwark.secretsmanager.testing;

import dev.bulwark.core.AwsException;
import dev.bulwark.core.call.Caller;
import dev.bulwark.crypto.AesGcm;
import dev.bulwark.crypto.InsecureSecretAccess;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.kms.KmsApi;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.AEADBadTagException;

/**
 * A small KMS for unit tests: symmetric keys made on first use (by id or alias, per region),
 * data keys really encrypted under them with the encryption context bound as associated data,
 * so a wrong context fails as KMS fails it. Every call is recorded; keys can be disabled or the
 * caller denied, to test how Secrets Manager passes KMS's refusals on.
 */
public final class FakeKms implements KmsApi {
    /** One call: the operation, the caller's region, the via-service, the key named and the context. */
    public record Call(String operation, String region, String viaService, String keyId, Map<String, String> context) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretBytes> keys = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> disabled = new ConcurrentHashMap<>();
    private volatile boolean denyDecrypt;

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public void disable(String region, String keyId) {
        disabled.put(arn(region, keyId), true);
    }

    public void denyDecrypt(boolean deny) {
        this.denyDecrypt = deny;
    }

    public static String arn(String region, String keyId) {
        return keyId.startsWith("arn:") ? keyId : "arn:aws:kms:" + region + ":111122223333:" + (keyId.startsWith("alias/") ? keyId : "key/" + keyId);
    }

    @Override
    public Encrypted encrypt(Caller caller, String viaService, String keyId, SecretBytes plaintext, Map<String, String> context) {
        throw new UnsupportedOperationException("Secrets Manager uses data keys");
    }

    @Override
    public DataKey generateDataKey(Caller caller, String viaService, String keyId, Map<String, String> context) {
        calls.add(new Call("GenerateDataKey", caller.region().name(), viaService, keyId, Map.copyOf(context)));
        String keyArn = usable(caller, keyId);
        SecretBytes dataKey = SecretBytes.random(32, random);
        byte[] sealed = new AesGcm(keys.computeIfAbsent(keyArn, k -> SecretBytes.random(32, random)), random)
                .encrypt(dataKey.toByteArray(InsecureSecretAccess.get()), aad(context));
        byte[] arnBytes = keyArn.getBytes(StandardCharsets.UTF_8);
        byte[] blob = ByteBuffer.allocate(4 + arnBytes.length + sealed.length).putInt(arnBytes.length).put(arnBytes).put(sealed).array();
        return new DataKey(keyArn, dataKey, blob);
    }

    @Override
    public Decrypted decrypt(Caller caller, String viaService, byte[] blob, Map<String, String> context) {
        ByteBuffer buffer = ByteBuffer.wrap(blob);
        byte[] arnBytes = new byte[buffer.getInt()];
        buffer.get(arnBytes);
        String keyArn = new String(arnBytes, StandardCharsets.UTF_8);
        calls.add(new Call("Decrypt", caller.region().name(), viaService, keyArn, Map.copyOf(context)));
        if (denyDecrypt) {
            throw AwsException.badRequest("AccessDeniedException", "User: " + caller.principal().arn()
                    + " is not authorized to perform: kms:Decrypt on resource: " + keyArn);
        }
        if (disabled.containsKey(keyArn)) {
            throw AwsException.badRequest("DisabledException", keyArn + " is disabled.");
        }
        byte[] sealed = new byte[buffer.remaining()];
        buffer.get(sealed);
        try {
            return new Decrypted(keyArn, SecretBytes.copyOf(new AesGcm(keys.get(keyArn), random).decrypt(sealed, aad(context))));
        } catch (AEADBadTagException e) {
            throw AwsException.badRequest("InvalidCiphertextException", null);
        }
    }

    @Override
    public String keyArn(Caller caller, String viaService, String keyId) {
        return arn(caller.region().name(), keyId);
    }

    private String usable(Caller caller, String keyId) {
        String keyArn = arn(caller.region().name(), keyId);
        if (keyId.startsWith("alias/") && !keyId.startsWith("alias/aws/") && !keys.containsKey(keyArn)) {
            throw AwsException.badRequest("NotFoundException", "Alias " + keyArn + " is not found.");
        }
        if (disabled.containsKey(keyArn)) {
            throw AwsException.badRequest("DisabledException", keyArn + " is disabled.");
        }
        return keyArn;
    }

    /** Creates a customer key under an alias, so the alias resolves. */
    public void createAlias(String region, String alias) {
        keys.put(arn(region, alias), SecretBytes.random(32, random));
    }

    private static byte[] aad(Map<String, String> context) {
        return new TreeMap<>(context).toString().getBytes(StandardCharsets.UTF_8);
    }
}
