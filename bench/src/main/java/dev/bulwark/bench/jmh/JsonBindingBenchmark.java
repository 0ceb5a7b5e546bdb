package dev.bulwark.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.protocol.json.JsonShapeReader;
import dev.bulwark.protocol.json.JsonShapeWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;

/**
 * The awsJson1.1 binder on KMS's hottest shapes: an Encrypt request body read into the SDK's
 * {@link EncryptRequest}, a {@link DecryptResponse} written to the wire. Each has its floor in the
 * same run: Jackson alone parsing the same bytes into a tree, or writing the same tree, so the
 * difference is what binding to SDK model classes costs (field tables, base64, blobs).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JsonBindingBenchmark {
    private static final ObjectMapper JACKSON = new ObjectMapper();

    private byte[] encryptRequestBody;
    private DecryptResponse decryptResponse;
    private JsonNode decryptResponseTree;

    @Setup
    public void setUp() {
        SecureRandom random = new SecureRandom();
        byte[] plaintext = new byte[32];
        random.nextBytes(plaintext);
        encryptRequestBody = ("{\"KeyId\":\"alias/app\",\"Plaintext\":\"" + Base64.getEncoder().encodeToString(plaintext)
                + "\",\"EncryptionContext\":{\"PARAMETER_ARN\":\"arn:aws:ssm:us-east-1:111122223333:parameter/db/password\"},"
                + "\"EncryptionAlgorithm\":\"SYMMETRIC_DEFAULT\"}").getBytes(StandardCharsets.UTF_8);
        decryptResponse = DecryptResponse.builder()
                .keyId("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")
                .plaintext(SdkBytes.fromByteArray(plaintext))
                .encryptionAlgorithm(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT)
                .build();
        decryptResponseTree = JsonShapeWriter.WIRE.toTree(decryptResponse);
    }

    @Benchmark
    public EncryptRequest readEncryptRequest() {
        EncryptRequest.Builder builder = EncryptRequest.builder();
        JsonShapeReader.readBody(encryptRequestBody, (SdkPojo) builder);
        return builder.build();
    }

    /** Baseline for {@link #readEncryptRequest}: Jackson's tree parse of the same bytes. */
    @Benchmark
    public JsonNode baselineJacksonParse() throws IOException {
        return JACKSON.readTree(encryptRequestBody);
    }

    @Benchmark
    public byte[] writeDecryptResponse() {
        return JsonShapeWriter.WIRE.toBytes(decryptResponse);
    }

    /** Baseline for {@link #writeDecryptResponse}: Jackson writing the same tree, already built. */
    @Benchmark
    public byte[] baselineJacksonWrite() throws IOException {
        return JACKSON.writeValueAsBytes(decryptResponseTree);
    }
}
