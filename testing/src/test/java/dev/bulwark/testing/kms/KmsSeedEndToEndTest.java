package dev.bulwark.testing.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.http.HttpFrontConfig;
import dev.bulwark.kms.KmsSeedException;
import dev.bulwark.server.BulwarkServer;
import dev.bulwark.server.ServerConfig;
import dev.bulwark.testing.BulwarkTestServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.MGF1ParameterSpec;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Deterministic seeding: keys with chosen ids and material from a seed file, created at start-up,
 * so that servers seeded alike decrypt each other's ciphertexts, material chosen outside Bulwark
 * works as it would anywhere, and restarts neither duplicate nor silently replace keys.
 */
class KmsSeedEndToEndTest {
    private static final String AES_KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String RSA_KEY_ID = "2234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String HMAC_KEY_ID = "3234abcd-12ab-34cd-56ef-1234567890ab";
    private static final SdkBytes MESSAGE = SdkBytes.fromUtf8String("seeded alike");
    private static final Map<String, String> CONTEXT = Map.of("tenant", "a");

    private static byte[] aesMaterial;
    private static byte[] hmacMaterial;
    private static KeyPair rsa;
    private static String seed;

    @TempDir
    Path folder;

    @BeforeAll
    static void chooseMaterial() throws Exception {
        aesMaterial = new byte[32];
        hmacMaterial = new byte[48];
        for (int i = 0; i < hmacMaterial.length; i++) {
            hmacMaterial[i] = (byte) (i * 5 + 1);
            if (i < aesMaterial.length) {
                aesMaterial[i] = (byte) (i * 3 + 2);
            }
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        rsa = generator.generateKeyPair();
        seed = """
                [ { "keyId": "%s", "material": "%s", "aliases": ["alias/app"], "description": "app data" },
                  { "keyId": "%s", "keySpec": "RSA_2048", "keyUsage": "ENCRYPT_DECRYPT", "privateKeyPkcs8": "%s" },
                  { "keyId": "%s", "keySpec": "HMAC_256", "keyUsage": "GENERATE_VERIFY_MAC", "material": "%s" } ]
                """.formatted(AES_KEY_ID, base64(aesMaterial), RSA_KEY_ID, base64(rsa.getPrivate().getEncoded()),
                HMAC_KEY_ID, base64(hmacMaterial));
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private Path seededDataFolder(String name, String content) throws IOException {
        Path data = Files.createDirectories(folder.resolve(name));
        Files.writeString(data.resolve("kms-seed.json"), content);
        return data;
    }

    @Test
    void twoServersSeededFromOneFileDecryptEachOthersCiphertexts() throws Exception {
        try (BulwarkTestServer first = BulwarkTestServer.startOn(seededDataFolder("first", seed));
                BulwarkTestServer second = BulwarkTestServer.startOn(seededDataFolder("second", seed));
                KmsClient one = first.client(KmsClient.builder());
                KmsClient two = second.client(KmsClient.builder())) {
            SdkBytes fromFirst = one.encrypt(request -> request.keyId("alias/app").plaintext(MESSAGE).encryptionContext(CONTEXT))
                    .ciphertextBlob();
            SdkBytes fromSecond = two.encrypt(request -> request.keyId(AES_KEY_ID).plaintext(MESSAGE).encryptionContext(CONTEXT))
                    .ciphertextBlob();

            assertThat(two.decrypt(request -> request.ciphertextBlob(fromFirst).encryptionContext(CONTEXT)).plaintext()).isEqualTo(MESSAGE);
            assertThat(one.decrypt(request -> request.ciphertextBlob(fromSecond).encryptionContext(CONTEXT)).plaintext()).isEqualTo(MESSAGE);
            assertThat(one.describeKey(request -> request.keyId("alias/app")).keyMetadata().description()).isEqualTo("app data");
        }
    }

    @Test
    void materialChosenOutsideBulwarkWorksAsItWouldAnywhere() throws Exception {
        try (BulwarkTestServer server = BulwarkTestServer.startOn(seededDataFolder("outside", seed));
                KmsClient kms = server.client(KmsClient.builder())) {
            Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPPadding");
            oaep.init(Cipher.ENCRYPT_MODE, rsa.getPublic(),
                    new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
            byte[] madeOutside = oaep.doFinal(MESSAGE.asByteArray());
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(hmacMaterial, "HmacSHA256"));

            assertThat(kms.decrypt(request -> request.keyId(RSA_KEY_ID).encryptionAlgorithm("RSAES_OAEP_SHA_256")
                    .ciphertextBlob(SdkBytes.fromByteArray(madeOutside))).plaintext()).isEqualTo(MESSAGE);
            assertThat(kms.getPublicKey(request -> request.keyId(RSA_KEY_ID)).publicKey().asByteArray())
                    .isEqualTo(rsa.getPublic().getEncoded());
            assertThat(kms.generateMac(request -> request.keyId(HMAC_KEY_ID).macAlgorithm("HMAC_SHA_256").message(MESSAGE)).mac()
                    .asByteArray()).isEqualTo(hmac.doFinal(MESSAGE.asByteArray()));
        }
    }

    @Test
    void aRestartKeepsSeededKeysAsTheyWereChangedAndAConflictingSeedStopsTheStart() throws Exception {
        Path data = seededDataFolder("restart", seed);
        SdkBytes ciphertext;
        try (BulwarkTestServer server = BulwarkTestServer.startOn(data); KmsClient kms = server.client(KmsClient.builder())) {
            ciphertext = kms.encrypt(request -> request.keyId("alias/app").plaintext(MESSAGE)).ciphertextBlob();
            kms.disableKey(request -> request.keyId(AES_KEY_ID));
        }

        try (BulwarkTestServer server = BulwarkTestServer.startOn(data); KmsClient kms = server.client(KmsClient.builder())) {
            assertThat(kms.describeKey(request -> request.keyId(AES_KEY_ID)).keyMetadata().keyStateAsString()).isEqualTo("Disabled");
            assertThat(kms.listKeys().keys()).hasSize(3);
            kms.enableKey(request -> request.keyId(AES_KEY_ID));
            assertThat(kms.decrypt(request -> request.ciphertextBlob(ciphertext)).plaintext()).isEqualTo(MESSAGE);
        }

        byte[] otherMaterial = aesMaterial.clone();
        otherMaterial[31] ^= 1;
        Files.writeString(data.resolve("kms-seed.json"), seed.replace(base64(aesMaterial), base64(otherMaterial)));
        assertThatThrownBy(() -> BulwarkTestServer.startOn(data))
                .isInstanceOf(KmsSeedException.class)
                .hasMessageContaining("kms-seed.json: entry 1 (key " + AES_KEY_ID + "): arn:aws:kms:us-east-1:111122223333:key/"
                        + AES_KEY_ID + " exists with other key material")
                .hasMessageNotContaining(base64(otherMaterial));
    }

    @Test
    void aResetWipesKeysButTheSeededOnesComeBack() throws Exception {
        try (BulwarkTestServer server = BulwarkTestServer.startOn(seededDataFolder("reset", seed));
                KmsClient kms = server.client(KmsClient.builder())) {
            kms.createKey(request -> request.description("made by a test"));
            kms.disableKey(request -> request.keyId(AES_KEY_ID));

            HttpResponse<String> reset = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.endpoint().resolve("/_bulwark/reset"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(reset.statusCode()).isEqualTo(200);
            assertThat(kms.listKeys().keys()).extracting(key -> key.keyId()).containsExactlyInAnyOrder(AES_KEY_ID, RSA_KEY_ID, HMAC_KEY_ID);
            assertThat(kms.describeKey(request -> request.keyId("alias/app")).keyMetadata().keyStateAsString()).isEqualTo("Enabled");
        }
    }

    @Test
    void aSeedFileNamedOnTheCommandLineIsAppliedAndMustExist() throws Exception {
        Path seedFile = Files.writeString(folder.resolve("my-keys.json"), seed);
        Path data = folder.resolve("explicit");

        try (BulwarkServer server = BulwarkServer.start(config(data, seedFile));
                KmsClient kms = KmsClient.builder().endpointOverride(server.endpoint())
                        .region(Region.of(BulwarkTestServer.REGION.name()))
                        .credentialsProvider(ProfileCredentialsProvider.builder().profileFile(ProfileFile.builder()
                                .content(server.credentialsFile()).type(ProfileFile.Type.CREDENTIALS).build()).build())
                        .httpClient(UrlConnectionHttpClient.create()).build()) {
            assertThat(kms.describeKey(request -> request.keyId("alias/app")).keyMetadata().keyId()).isEqualTo(AES_KEY_ID);
        }
        assertThatThrownBy(() -> BulwarkServer.start(config(folder.resolve("missing"), folder.resolve("no-such-seed.json"))))
                .isInstanceOf(KmsSeedException.class)
                .hasMessageContaining("no-such-seed.json cannot be read (NoSuchFileException)");
    }

    private static ServerConfig config(Path data, Path seedFile) {
        return new ServerConfig(data, "127.0.0.1", 0, BulwarkTestServer.REGION, BulwarkTestServer.ACCOUNT, false, false,
                HttpFrontConfig.DEFAULT_MAX_REQUEST_BYTES).withKmsSeedFile(seedFile);
    }
}
