package dev.bulwark.testing.kms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.audit.CallRecord;
import dev.bulwark.testing.BulwarkTestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The KMS calls Parameter Store makes for its callers, as the audit trail shows them: KMS events
 * by the caller's principal under the caller's request id, made from {@code ssm.amazonaws.com},
 * naming the key and the encryption context and never the value.
 */
class KmsForwardedCallsEndToEndTest {
    private static final String VALUE = "forwarded-secret-value";

    private static BulwarkTestServer server;
    private static SsmClient ssm;

    @BeforeAll
    static void start() {
        server = BulwarkTestServer.start();
        ssm = server.client(SsmClient.builder());
    }

    @AfterAll
    static void stop() {
        ssm.close();
        server.close();
    }

    private static CallRecord last(String eventSource, String eventName) {
        return server.auditRecords().stream()
                .filter(record -> record.eventSource().equals(eventSource) && record.eventName().equals(eventName))
                .reduce((first, second) -> second).orElseThrow();
    }

    @Test
    void aSecureStringWriteAndReadAreKmsEventsOfTheCallerMadeByParameterStore() {
        ssm.putParameter(request -> request.name("/app/db-password").value(VALUE).type(ParameterType.SECURE_STRING));
        ssm.getParameter(request -> request.name("/app/db-password").withDecryption(true));

        CallRecord put = last("ssm.amazonaws.com", "PutParameter");
        CallRecord encrypt = last("kms.amazonaws.com", "Encrypt");
        CallRecord get = last("ssm.amazonaws.com", "GetParameter");
        CallRecord decrypt = last("kms.amazonaws.com", "Decrypt");
        assertThat(encrypt.requestId()).isEqualTo(put.requestId());
        assertThat(decrypt.requestId()).isEqualTo(get.requestId());
        for (CallRecord kms : List.of(encrypt, decrypt)) {
            assertThat(kms.succeeded()).isTrue();
            assertThat(kms.principal()).isEqualTo(put.principal());
            assertThat(kms.sourceIp()).isEqualTo("ssm.amazonaws.com");
            assertThat(kms.userAgent()).isEqualTo("ssm.amazonaws.com");
            assertThat(kms.readOnly()).isTrue();
            assertThat(kms.resources()).singleElement().asString().startsWith("arn:aws:kms:us-east-1:111122223333:key/");
            assertThat(kms.requestParameters().orElseThrow().path("encryptionContext").path("PARAMETER_ARN").asText())
                    .isEqualTo("arn:aws:ssm:us-east-1:111122223333:parameter/app/db-password");
        }
        assertThat(encrypt.requestParameters().orElseThrow().path("keyId").asText()).isEqualTo("alias/aws/ssm");
        assertThat(server.auditRecords().toString()).doesNotContain(VALUE);
    }

    @Test
    void lookupEventsShowsTheForwardedCallAsAKmsEvent() {
        ssm.putParameter(request -> request.name("/app/api-key").value(VALUE).type(ParameterType.SECURE_STRING));

        try (CloudTrailClient cloudTrail = server.client(CloudTrailClient.builder())) {
            List<Event> events = cloudTrail.lookupEvents(request -> request.lookupAttributes(attribute -> attribute
                    .attributeKey(LookupAttributeKey.EVENT_SOURCE).attributeValue("kms.amazonaws.com"))).events();

            assertThat(events).isNotEmpty();
            assertThat(events).extracting(Event::cloudTrailEvent)
                    .anySatisfy(json -> assertThat(json).contains("\"sourceIPAddress\":\"ssm.amazonaws.com\"")
                            .contains("\"eventName\":\"Encrypt\""))
                    .allSatisfy(json -> assertThat(json).doesNotContain(VALUE));
        }
    }
}
