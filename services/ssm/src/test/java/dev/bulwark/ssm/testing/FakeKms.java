package dev.bulwark.ssm.testing;

import dev.bulwark.core.AwsException;
import dev.bulwark.core.call.Caller;
import dev.bulwark.crypto.AesGcm;
import dev.bulwark.crypto.InsecureSecretAccess;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.kms.KmsApi;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.AEADBadTagException;

/**
 * A KMS for unit tests that really encrypts: AES-GCM under a random key per KMS key, with the
 * encryption context as associated data, so a wrong context fails as in KMS. Keys are named by id,
 * ARN or alias; {@code alias/aws/ssm} exists from the start, as AWS creates it on first use. Calls
 * are recorded, and callers can be refused decryption, as a key policy would refuse them.
 */
public final class FakeKms implements KmsApi {
    /** One call as KMS saw it. */
    public record Call(String operation, String callerArn, String viaService, String keyArn, Map<String, String> context) {
    }

    private final SecureRandom random = new SecureRandom();
    private final String arnPrefix;
    private final Map<String, SecretBytes> keys = new HashMap<>();
    private final Map<String, String> aliases = new HashMap<>();
    private final Set<String> deniedDecrypt = new HashSet<>();
    public final List<Call> calls = new ArrayList<>();

    public FakeKms(String region, String account) {
        this.arnPrefix = "arn:aws:kms:" + region + ":" + account + ":";
        aliases.put("alias/aws/ssm", createKey());
    }

    /** Creates a key and returns its id. */
    public String createKey() {
        String id = UUID.randomUUID().toString();
        keys.put(id, SecretBytes.random(32, random));
        return id;
    }

    public void createAlias(String alias, String keyId) {
        aliases.put(alias, keyId);
    }

    public String keyArn(String keyId) {
        return arnPrefix + "key/" + keyId;
    }

    /** From now on this principal may not decrypt, as a key policy without a grant for it would say. */
    public void denyDecrypt(String principalArn) {
        deniedDecrypt.add(principalArn);
    }

    public List<Call> calls(String operation) {
        return calls.stream().filter(call -> call.operation().equals(operation)).toList();
    }

    @Override
    public Encrypted encrypt(Caller caller, String viaService, String keyId, SecretBytes plaintext, Map<String, String> context) {
        String id = resolve(keyId);
        calls.add(new Call("Encrypt", caller.principal().arn(), viaService, keyArn(id), Map.copyOf(context)));
        return new Encrypted(keyArn(id), seal(id, plaintext.toByteArray(InsecureSecretAccess.get()), context));
    }

    @Override
    public Decrypted decrypt(Caller caller, String viaService, byte[] ciphertextBlob, Map<String, String> context) {
        ByteBuffer buffer = ByteBuffer.wrap(ciphertextBlob);
        byte[] idBytes = new byte[buffer.get()];
        buffer.get(idBytes);
        String id = new String(idBytes, StandardCharsets.UTF_8);
        byte[] sealed = new byte[buffer.remaining()];
        buffer.get(sealed);
        calls.add(new Call("Decrypt", caller.principal().arn(), viaService, keyArn(id), Map.copyOf(context)));
        if (deniedDecrypt.contains(caller.principal().arn())) {
            throw AwsException.badRequest("AccessDeniedException", "User: " + caller.principal().arn()
                    + " is not authorized to perform: kms:Decrypt on resource: " + keyArn(id));
        }
        try {
            return new Decrypted(keyArn(id), SecretBytes.copyOf(new AesGcm(keys.get(id), random).decrypt(sealed, aad(context))));
        } catch (AEADBadTagException e) {
            throw AwsException.badRequest("InvalidCiphertextException", null);
        }
    }

    @Override
    public DataKey generateDataKey(Caller caller, String viaService, String keyId, Map<String, String> context) {
        String id = resolve(keyId);
        calls.add(new Call("GenerateDataKey", caller.principal().arn(), viaService, keyArn(id), Map.copyOf(context)));
        SecretBytes dataKey = SecretBytes.random(32, random);
        return new DataKey(keyArn(id), dataKey, seal(id, dataKey.toByteArray(InsecureSecretAccess.get()), context));
    }

    @Override
    public String keyArn(Caller caller, String viaService, String keyId) {
        return keyArn(resolve(keyId));
    }

    private String resolve(String keyId) {
        String id = keyId;
        if (keyId.startsWith("alias/")) {
            id = aliases.get(keyId);
            if (id == null) {
                throw AwsException.badRequest("NotFoundException", "Alias " + arnPrefix + keyId + " is not found.");
            }
        } else if (keyId.startsWith(arnPrefix + "key/")) {
            id = keyId.substring((arnPrefix + "key/").length());
        }
        if (!keys.containsKey(id)) {
            throw AwsException.badRequest("NotFoundException", "Key '" + keyArn(id) + "' does not exist");
        }
        return id;
    }

    private byte[] seal(String id, byte[] plaintext, Map<String, String> context) {
        byte[] sealed = new AesGcm(keys.get(id), random).encrypt(plaintext, aad(context));
        byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + idBytes.length + sealed.length).put((byte) idBytes.length).put(idBytes).put(sealed).array();
    }

    private static byte[] aad(Map<String, String> context) {
        return new TreeMap<>(context).toString().getBytes(StandardCharsets.UTF_8);
    }
}
