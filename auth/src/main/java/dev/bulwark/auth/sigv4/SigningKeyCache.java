package dev.bulwark.auth.sigv4;

import dev.bulwark.auth.Credential;
import dev.bulwark.crypto.InsecureSecretAccess;
import dev.bulwark.crypto.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SigV4 signing keys, derived from a secret key by four HMACs
 * ({@code kSecret -> kDate -> kRegion -> kService -> kSigning}) and valid for one day, region
 * and service. A client signs many requests with the same key, so deriving it once per scope
 * saves most of the verification's HMAC work.
 *
 * <p>An entry remembers the secret it was derived from and is used only for that same secret
 * (compared in constant time), so a changed secret is never checked against a stale key. The
 * cache is a small LRU: a burst of scopes costs re-derivation, never unbounded memory.
 */
final class SigningKeyCache {
    private record Scope(String accessKeyId, String date, String region, String service) {
    }

    private record Derived(SecretBytes secret, byte[] signingKey) {
    }

    private final Map<Scope, Derived> entries;
    private final AtomicLong derivations = new AtomicLong();

    SigningKeyCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Scope, Derived> eldest) {
                return size() > capacity;
            }
        };
    }

    byte[] signingKey(Credential credential, String date, String region, String service) {
        Scope scope = new Scope(credential.accessKeyId(), date, region, service);
        SecretBytes secret = credential.secretAccessKey();
        synchronized (entries) {
            Derived entry = entries.get(scope);
            if (entry != null && entry.secret().equalsSecretBytes(secret)) {
                return entry.signingKey();
            }
        }
        byte[] signingKey = derive(secret, date, region, service);
        synchronized (entries) {
            entries.put(scope, new Derived(secret, signingKey));
        }
        return signingKey;
    }

    /** How many keys were derived rather than found: what the cache saves is visible in tests. */
    long derivations() {
        return derivations.get();
    }

    private byte[] derive(SecretBytes secret, String date, String region, String service) {
        derivations.incrementAndGet();
        byte[] raw = secret.toByteArray(InsecureSecretAccess.get());
        byte[] prefix = "AWS4".getBytes(StandardCharsets.US_ASCII);
        byte[] kSecret = Arrays.copyOf(prefix, prefix.length + raw.length);
        System.arraycopy(raw, 0, kSecret, prefix.length, raw.length);
        Arrays.fill(raw, (byte) 0);
        byte[] kDate = SigV4Crypto.hmacSha256(kSecret, date);
        Arrays.fill(kSecret, (byte) 0);
        byte[] kRegion = SigV4Crypto.hmacSha256(kDate, region);
        byte[] kService = SigV4Crypto.hmacSha256(kRegion, service);
        return SigV4Crypto.hmacSha256(kService, SignedRequest.TERMINATOR);
    }
}
