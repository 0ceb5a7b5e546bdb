package dev.bulwark.bench.jmh;

import dev.bulwark.core.AccountId;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.kms.internal.KeyMaterial;
import dev.bulwark.kms.internal.KeyMaterialRecord;
import dev.bulwark.kms.internal.KeyOrigin;
import dev.bulwark.kms.internal.cryptography.SymmetricCiphertext;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * KMS's symmetric ciphertext format (what Encrypt, Decrypt and GenerateDataKey spend on
 * cryptography) against its floor in the same run: one plain JDK AES-256-GCM encryption or
 * decryption of the same bytes under a fixed key. The difference is the format's own work: the
 * header, the per-message HKDF-SHA256 key and the canonical encryption context in the
 * associated data.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SymmetricCiphertextBenchmark {
    private static final AccountId ACCOUNT = AccountId.of("111122223333");
    private static final Map<String, String> CONTEXT = Map.of("PARAMETER_ARN", "arn:aws:ssm:us-east-1:111122223333:parameter/db/password");

    /** 32 bytes: a data key or a short secret; 4096 bytes: Encrypt's largest plaintext. */
    @Param({"32", "4096"})
    int plaintextBytes;

    private final SecureRandom random = new SecureRandom();
    private SymmetricCiphertext format;
    private KeyMaterial material;
    private byte[] plaintext;
    private byte[] blob;
    private SecretKeySpec jdkKey;
    private byte[] jdkNonce;
    private final byte[] freshNonce = new byte[12];
    private byte[] jdkCiphertext;

    @Setup
    public void setUp() throws GeneralSecurityException {
        format = new SymmetricCiphertext(random);
        material = new KeyMaterial(new KeyMaterialRecord("1234abcd-12ab-34cd-56ef-1234567890ab", "aa".repeat(32), Instant.EPOCH,
                KeyOrigin.AWS_KMS, null, null), SecretBytes.random(32, random));
        plaintext = new byte[plaintextBytes];
        random.nextBytes(plaintext);
        blob = format.seal(ACCOUNT, material, plaintext, CONTEXT);

        byte[] keyBytes = new byte[32];
        random.nextBytes(keyBytes);
        jdkKey = new SecretKeySpec(keyBytes, "AES");
        jdkNonce = new byte[12];
        random.nextBytes(jdkNonce);
        jdkCiphertext = jdkEncrypt(jdkNonce);
    }

    @Benchmark
    public byte[] kmsSeal() {
        return format.seal(ACCOUNT, material, plaintext, CONTEXT);
    }

    @Benchmark
    public byte[] kmsOpen() {
        return format.open(blob, SymmetricCiphertext.readHeader(blob).orElseThrow(), material, CONTEXT).orElseThrow();
    }

    /** Baseline for {@link #kmsSeal}: a fresh random nonce and one GCM encryption, nothing else. */
    @Benchmark
    public byte[] baselineJdkAesGcmEncrypt() throws GeneralSecurityException {
        random.nextBytes(freshNonce);
        return jdkEncrypt(freshNonce);
    }

    /** Baseline for {@link #kmsOpen}. */
    @Benchmark
    public byte[] baselineJdkAesGcmDecrypt() throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, jdkKey, new GCMParameterSpec(128, jdkNonce));
        return cipher.doFinal(jdkCiphertext);
    }

    private byte[] jdkEncrypt(byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, jdkKey, new GCMParameterSpec(128, nonce));
        return cipher.doFinal(plaintext);
    }
}
