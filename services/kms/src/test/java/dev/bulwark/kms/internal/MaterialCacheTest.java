package dev.bulwark.kms.internal;

import static dev.bulwark.kms.testing.AwsErrorAssert.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.kms.internal.cryptography.Cryptography;
import dev.bulwark.kms.internal.lifecycle.KeyCreation;
import dev.bulwark.kms.internal.lifecycle.KeyDeletion;
import dev.bulwark.kms.internal.lifecycle.KeyLifecycle;
import dev.bulwark.kms.testing.KmsTestKit;
import dev.bulwark.store.Page;
import dev.bulwark.store.ReadTransaction;
import dev.bulwark.store.RecordKey;
import dev.bulwark.store.Store;
import dev.bulwark.store.StoredRecord;
import dev.bulwark.store.WriteTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.DisableKeyRequest;
import software.amazon.awssdk.services.kms.model.EnableKeyRequest;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionRequest;

class MaterialCacheTest {
    private static final SdkBytes PLAINTEXT = SdkBytes.fromUtf8String("hot path");
    private static final KmsScope SCOPE = new KmsScope(KmsTestKit.ACCOUNT, KmsTestKit.REGION);

    private final KmsTestKit kit = new KmsTestKit();
    private final MaterialReads reads = new MaterialReads(kit.store);
    private final KmsCore core = KmsCore.create(reads, kit.jobs, () -> { }, kit.clock, kit.random);
    private final KeyCreation creation = new KeyCreation(core);
    private final KeyLifecycle lifecycle = new KeyLifecycle(core);
    private final KeyDeletion deletion = new KeyDeletion(core);
    private final Cryptography cryptography = new Cryptography(core);

    private KeyMetadata symmetricKey() {
        return creation.createKey(kit.caller(), CreateKeyRequest.builder().build()).keyMetadata();
    }

    private SdkBytes encrypt(String keyId) {
        return cryptography.encrypt(kit.caller(), EncryptRequest.builder().keyId(keyId).plaintext(PLAINTEXT).build()).ciphertextBlob();
    }

    private SdkBytes decrypt(SdkBytes ciphertext) {
        return cryptography.decrypt(kit.caller(), DecryptRequest.builder().ciphertextBlob(ciphertext).build()).plaintext();
    }

    @Test
    void repeatedEncryptAndDecryptUnsealTheMaterialOnce() {
        KeyMetadata key = symmetricKey();

        SdkBytes ciphertext = encrypt(key.keyId());
        for (int i = 0; i < 10; i++) {
            assertThat(decrypt(encrypt(key.keyId()))).isEqualTo(PLAINTEXT);
            assertThat(decrypt(ciphertext)).isEqualTo(PLAINTEXT);
        }

        assertThat(reads.materialReads()).isEqualTo(1);
    }

    /** The cache saves the unseal, never the state check: a disabled key is refused on the next call. */
    @Test
    void disablingAKeyTakesEffectAtOnceAndDropsItsMaterial() {
        KeyMetadata key = symmetricKey();
        SdkBytes ciphertext = encrypt(key.keyId());

        lifecycle.disableKey(kit.caller(), DisableKeyRequest.builder().keyId(key.keyId()).build());

        assertAwsError(() -> decrypt(ciphertext), "DisabledException", key.arn() + " is disabled.");
        lifecycle.enableKey(kit.caller(), EnableKeyRequest.builder().keyId(key.keyId()).build());
        assertThat(decrypt(ciphertext)).isEqualTo(PLAINTEXT);
        assertThat(reads.materialReads()).as("read again after the key was disabled").isEqualTo(2);
    }

    @Test
    void aKeyPendingDeletionIsRefusedAndItsMaterialDropped() {
        KeyMetadata key = symmetricKey();
        SdkBytes ciphertext = encrypt(key.keyId());

        deletion.scheduleKeyDeletion(kit.caller(), ScheduleKeyDeletionRequest.builder().keyId(key.keyId()).pendingWindowInDays(7).build());

        assertAwsError(() -> decrypt(ciphertext), "KMSInvalidStateException", key.arn() + " is pending deletion.");
        kit.clock.advance(Duration.ofDays(8));
        assertAwsError(() -> decrypt(ciphertext), "InvalidCiphertextException", null);
    }

    @Test
    void theCacheKeepsTheMostRecentlyUsedKeysUpToItsBound() {
        MaterialCache cache = new MaterialCache(2);
        KeyMaterial a = material("a");
        KeyMaterial b = material("b");
        KeyMaterial c = material("c");
        cache.put(SCOPE, a);
        cache.put(SCOPE, b);
        assertThat(cache.get(SCOPE, "a", "m-a")).contains(a);

        cache.put(SCOPE, c);

        assertThat(cache.get(SCOPE, "b", "m-b")).as("least recently used").isEmpty();
        assertThat(cache.get(SCOPE, "a", "m-a")).contains(a);
        assertThat(cache.get(SCOPE, "c", "m-c")).contains(c);
        assertThat(cache.get(new KmsScope(KmsTestKit.OTHER_ACCOUNT, KmsTestKit.REGION), "a", "m-a")).as("other account").isEmpty();
        cache.invalidate(SCOPE, "a");
        assertThat(cache.get(SCOPE, "a", "m-a")).isEmpty();
        MaterialCache none = MaterialCache.none();
        none.put(SCOPE, a);
        assertThat(none.get(SCOPE, "a", "m-a")).isEmpty();
    }

    private static KeyMaterial material(String keyId) {
        return new KeyMaterial(new KeyMaterialRecord(keyId, "m-" + keyId, Instant.EPOCH, KeyOrigin.AWS_KMS, null, null),
                SecretBytes.copyOf(new byte[32]));
    }

    /** The store, counting how many key material records read transactions open. */
    private static final class MaterialReads implements Store {
        private final Store store;
        private final AtomicInteger reads = new AtomicInteger();

        MaterialReads(Store store) {
            this.store = store;
        }

        int materialReads() {
            return reads.get();
        }

        @Override
        public <T> T read(Function<ReadTransaction, T> work) {
            return store.read(tx -> work.apply(new ReadTransaction() {
                @Override
                public Optional<StoredRecord> get(RecordKey key) {
                    if (key.namespace().equals(KmsSchema.KEY_MATERIALS)) {
                        reads.incrementAndGet();
                    }
                    return tx.get(key);
                }

                @Override
                public Page list(String namespace, String scope, String idPrefix, String afterId, int limit) {
                    return tx.list(namespace, scope, idPrefix, afterId, limit);
                }

                @Override
                public long count(String namespace, String scope, String idPrefix) {
                    return tx.count(namespace, scope, idPrefix);
                }
            }));
        }

        @Override
        public <T> T write(Function<WriteTransaction, T> work) {
            return store.write(work);
        }

        @Override
        public void wipeExcept(Set<String> keptNamespaces) {
            store.wipeExcept(keptNamespaces);
        }

        @Override
        public void close() {
            store.close();
        }
    }
}
