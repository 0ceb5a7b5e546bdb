package dev.bulwark.cloudtrail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.audit.CallRecord;
import dev.bulwark.audit.ServiceEvent;
import dev.bulwark.cloudtrail.AccessKeyFacts;
import dev.bulwark.cloudtrail.Fixtures;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.call.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventRecordsTest {
    private static final Instant TIME = Instant.parse("2026-03-04T05:06:07.891Z");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Attribution HERE = new Attribution(Fixtures.ACCOUNT, Fixtures.REGION);

    @Test
    void aSuccessfulCallHasEveryFieldOfEventVersion108InAwsOrder() {
        CallRecord call = Fixtures.call("kms.amazonaws.com", "DescribeKey", true, TIME, Fixtures.REGION,
                List.of("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"));
        ObjectNode event = EventRecords.render(Fixtures.withContent(call, object("keyId", "alias/app"),
                object("keyMetadata", "...")), HERE, Optional.empty());

        assertThat(fieldNames(event)).containsExactly("eventVersion", "userIdentity", "eventTime", "eventSource",
                "eventName", "awsRegion", "sourceIPAddress", "userAgent", "requestParameters", "responseElements",
                "requestID", "eventID", "readOnly", "resources", "eventType", "managementEvent", "recipientAccountId",
                "eventCategory");
        assertThat(event.get("eventVersion").asText()).isEqualTo("1.08");
        assertThat(event.get("eventTime").asText()).isEqualTo("2026-03-04T05:06:07Z");
        assertThat(event.get("eventType").asText()).isEqualTo("AwsApiCall");
        assertThat(event.get("managementEvent").asBoolean()).isTrue();
        assertThat(event.get("eventCategory").asText()).isEqualTo("Management");
        assertThat(event.get("recipientAccountId").asText()).isEqualTo("111122223333");
        assertThat(event.get("readOnly").asBoolean()).isTrue();
        assertThat(event.get("requestParameters").get("keyId").asText()).isEqualTo("alias/app");
        assertThat(event.get("resources").get(0).get("type").asText()).isEqualTo("AWS::KMS::Key");
        assertThat(event.get("resources").get(0).get("accountId").asText()).isEqualTo("111122223333");
        assertThat(event.get("userIdentity").toString()).isEqualTo(
                "{\"type\":\"Root\",\"principalId\":\"111122223333\",\"arn\":\"arn:aws:iam::111122223333:root\","
                        + "\"accountId\":\"111122223333\",\"accessKeyId\":\"AKIAIOSFODNN7EXAMPLE\"}");
    }

    @Test
    void aFailedCallCarriesItsErrorAndNoResponse() {
        CallRecord ok = Fixtures.call("DescribeKey", TIME);
        CallRecord failed = new CallRecord(ok.eventId(), ok.eventTime(), ok.requestId(), ok.principal(),
                ok.accessKeyId(), ok.eventSource(), ok.eventName(), ok.awsRegion(), ok.sourceIp(), ok.userAgent(),
                List.of(), false, Optional.of(object("keyId", "nope")), Optional.empty(),
                Optional.of("NotFoundException"), Optional.of("Key 'nope' does not exist"));
        ObjectNode event = EventRecords.render(failed, HERE, Optional.empty());

        assertThat(event.get("errorCode").asText()).isEqualTo("NotFoundException");
        assertThat(event.get("errorMessage").asText()).isEqualTo("Key 'nope' does not exist");
        assertThat(event.get("responseElements").isNull()).isTrue();
        assertThat(fieldNames(event)).containsSubsequence("userAgent", "errorCode", "errorMessage", "requestParameters");
    }

    @Test
    void aFailedAuthenticationNamesTheKeyAndItsOwnerAndNothingElse() {
        CallRecord ok = Fixtures.call("ListKeys", TIME);
        CallRecord refused = new CallRecord(ok.eventId(), ok.eventTime(), ok.requestId(), Optional.empty(),
                Optional.of("AKIAI44QH8DHBEXAMPLE"), ok.eventSource(), "", ok.awsRegion(), ok.sourceIp(),
                ok.userAgent(), List.of(), false, Optional.empty(), Optional.empty(),
                Optional.of("InvalidSignatureException"), Optional.of("The request signature we calculated does not match"));
        ObjectNode event = EventRecords.render(refused, HERE,
                Optional.of(new AccessKeyFacts.Key(AccountId.of("111122223333"), Optional.empty())));

        assertThat(event.get("userIdentity").toString())
                .isEqualTo("{\"accountId\":\"111122223333\",\"accessKeyId\":\"AKIAI44QH8DHBEXAMPLE\"}");
        assertThat(event.get("requestParameters").isNull()).isTrue();
    }

    @Test
    void anIamUserIsNamedByUserName() {
        Principal alice = new Principal(Principal.Type.IAM_USER, Fixtures.ACCOUNT,
                "arn:aws:iam::111122223333:user/engineering/alice", "AIDAJQABLZS4A3QDU576Q", "AKIAJQABLZS4A3QDU576");
        ObjectNode identity = UserIdentities.of(Optional.of(alice), Optional.of(alice.accessKeyId()), Optional.empty());

        assertThat(identity.get("type").asText()).isEqualTo("IAMUser");
        assertThat(identity.get("userName").asText()).isEqualTo("alice");
        assertThat(identity.has("sessionContext")).isFalse();
        assertThat(UserIdentities.username(identity)).hasValue("alice");
    }

    @Test
    void anAssumedRoleCarriesItsSessionIssuer() {
        Principal session = new Principal(Principal.Type.ASSUMED_ROLE, Fixtures.ACCOUNT,
                "arn:aws:sts::111122223333:assumed-role/Deployer/build-42", "AROAEXAMPLEID:build-42",
                "ASIAEXAMPLEKEY");
        ObjectNode identity = UserIdentities.of(Optional.of(session), Optional.of(session.accessKeyId()), Optional.empty());

        JsonNode issuer = identity.get("sessionContext").get("sessionIssuer");
        assertThat(issuer.get("type").asText()).isEqualTo("Role");
        assertThat(issuer.get("principalId").asText()).isEqualTo("AROAEXAMPLEID");
        assertThat(issuer.get("arn").asText()).isEqualTo("arn:aws:iam::111122223333:role/Deployer");
        assertThat(issuer.get("userName").asText()).isEqualTo("Deployer");
        assertThat(identity.get("sessionContext").get("attributes").get("mfaAuthenticated").asText()).isEqualTo("false");
        assertThat(UserIdentities.username(identity)).hasValue("build-42");
    }

    @Test
    void aKnownSessionIsDescribedAsStsRecordedIt() {
        Principal session = new Principal(Principal.Type.ASSUMED_ROLE, Fixtures.ACCOUNT,
                "arn:aws:sts::111122223333:assumed-role/Deployer/build-42", "AROAEXAMPLEID:build-42",
                "ASIAEXAMPLEKEY");
        AccessKeyFacts.Session issued = new AccessKeyFacts.Session("Role", "arn:aws:iam::111122223333:role/ci/Deployer",
                "AROAEXAMPLEID", "Deployer", Instant.parse("2026-03-04T05:00:00.250Z"));
        ObjectNode identity = UserIdentities.of(Optional.of(session), Optional.of(session.accessKeyId()),
                Optional.of(new AccessKeyFacts.Key(Fixtures.ACCOUNT, Optional.of(issued))));

        assertThat(identity.get("sessionContext").toString()).isEqualTo("{\"sessionIssuer\":{\"type\":\"Role\","
                + "\"principalId\":\"AROAEXAMPLEID\",\"arn\":\"arn:aws:iam::111122223333:role/ci/Deployer\","
                + "\"accountId\":\"111122223333\",\"userName\":\"Deployer\"},\"webIdFederationData\":{},"
                + "\"attributes\":{\"creationDate\":\"2026-03-04T05:00:00Z\",\"mfaAuthenticated\":\"false\"}}");
    }

    @Test
    void aGetSessionTokenSessionHasAnEmptyIssuer() {
        Principal user = new Principal(Principal.Type.IAM_USER, Fixtures.ACCOUNT,
                "arn:aws:iam::111122223333:user/alice", "AIDAJQABLZS4A3QDU576Q", "ASIAUSERSESSION");
        AccessKeyFacts.Session issued = new AccessKeyFacts.Session("IAMUser", "arn:aws:iam::111122223333:user/alice",
                "AIDAJQABLZS4A3QDU576Q", "alice", TIME);
        ObjectNode identity = UserIdentities.of(Optional.of(user), Optional.of(user.accessKeyId()),
                Optional.of(new AccessKeyFacts.Key(Fixtures.ACCOUNT, Optional.of(issued))));

        assertThat(identity.get("userName").asText()).isEqualTo("alice");
        assertThat(identity.get("sessionContext").get("sessionIssuer").isEmpty()).isTrue();
        assertThat(identity.get("sessionContext").get("attributes").get("creationDate").asText())
                .isEqualTo("2026-03-04T05:06:07Z");
    }

    @Test
    void kmsCryptographyIsLoggedWithoutResponseAndWithoutBinaryPayloads() {
        ObjectNode request = object("keyId", "alias/app");
        request.put("ciphertextBlob", "AQICAHg...");
        request.putObject("encryptionContext").put("project", "x");
        CallRecord decrypt = Fixtures.withContent(Fixtures.call("Decrypt", TIME), request, object("keyId", "arn:..."));
        ObjectNode event = EventRecords.render(decrypt, HERE, Optional.empty());

        assertThat(event.get("responseElements").isNull()).isTrue();
        assertThat(event.get("requestParameters").has("ciphertextBlob")).isFalse();
        assertThat(event.get("requestParameters").get("encryptionContext").get("project").asText()).isEqualTo("x");
    }

    @Test
    void anEmptyRequestOrResponseIsLoggedAsNull() {
        CallRecord startLogging = Fixtures.withContent(Fixtures.call("cloudtrail.amazonaws.com", "StartLogging", false,
                TIME, Fixtures.REGION, List.of()), NODES.objectNode(), NODES.objectNode());
        ObjectNode event = EventRecords.render(startLogging, HERE, Optional.empty());

        assertThat(event.get("requestParameters").isNull()).isTrue();
        assertThat(event.get("responseElements").isNull()).isTrue();
    }

    @Test
    void getSecretValueIsLoggedWithoutResponse() {
        CallRecord get = Fixtures.withContent(Fixtures.call("secretsmanager.amazonaws.com", "GetSecretValue", true, TIME,
                Fixtures.REGION, List.of()), object("secretId", "db"), object("name", "db"));

        assertThat(EventRecords.render(get, HERE, Optional.empty()).get("responseElements").isNull()).isTrue();
    }

    @Test
    void assumeRoleCredentialsKeepTheAccessKeyIdButNeverTheSecretOrSessionToken() {
        ObjectNode response = NODES.objectNode();
        ObjectNode credentials = response.putObject("credentials");
        credentials.put("accessKeyId", "ASIAEXAMPLE");
        credentials.put("secretAccessKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        credentials.put("sessionToken", "FwoGZXIvYXdzEXAMPLETOKEN");
        credentials.put("expiration", "2026-03-04T06:06:07Z");
        CallRecord assume = Fixtures.withContent(Fixtures.call("sts.amazonaws.com", "AssumeRole", false, TIME,
                Fixtures.REGION, List.of()), object("roleArn", "arn:aws:iam::111122223333:role/Deployer"), response);
        String event = EventRecords.render(assume, HERE, Optional.empty()).toString();

        assertThat(event).contains("ASIAEXAMPLE").doesNotContain("wJalrXUtnFEMI").doesNotContain("FwoGZXIv")
                .doesNotContain("sessionToken").doesNotContain("secretAccessKey");
    }

    @Test
    void resourcesOfOtherServicesGetATypeNamedAfterTheArn() {
        CallRecord call = Fixtures.call("cloudtrail.amazonaws.com", "GetTrail", true, TIME, Fixtures.REGION,
                List.of("arn:aws:cloudtrail:us-east-1:111122223333:trail/main", "arn:aws:shield::111122223333:protection/p-1"));
        JsonNode resources = EventRecords.render(call, HERE, Optional.empty()).get("resources");

        assertThat(resources.get(0).get("type").asText()).isEqualTo("AWS::CloudTrail::Trail");
        assertThat(resources.get(1).get("type").asText()).isEqualTo("AWS::Shield::Protection");
    }

    @Test
    void aServiceEventIsRecordedAsAwsRecordsOneWithTheServiceAsTheActor() {
        ServiceEvent expired = Fixtures.parameterExpired(TIME);

        assertThat(EventRecords.render(expired).toString()).isEqualTo("{\"eventVersion\":\"1.08\","
                + "\"userIdentity\":{\"accountId\":\"111122223333\",\"invokedBy\":\"ssm.amazonaws.com\"},"
                + "\"eventTime\":\"2026-03-04T05:06:07Z\",\"eventSource\":\"ssm.amazonaws.com\","
                + "\"eventName\":\"Expiration\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"ssm.amazonaws.com\","
                + "\"userAgent\":\"ssm.amazonaws.com\",\"requestParameters\":null,\"responseElements\":null,"
                + "\"eventID\":\"" + expired.eventId() + "\",\"readOnly\":false,"
                + "\"resources\":[{\"accountId\":\"111122223333\",\"type\":\"AWS::SSM::Parameter\","
                + "\"ARN\":\"" + Fixtures.PARAMETER_ARN + "\"}],"
                + "\"eventType\":\"AwsServiceEvent\",\"managementEvent\":true,\"recipientAccountId\":\"111122223333\","
                + "\"serviceEventDetails\":{\"parameter-name\":\"/app/db-password\",\"parameter-type\":\"SecureString\","
                + "\"policy-type\":\"Expiration\",\"action-status\":\"Finished\","
                + "\"action-reason\":\"The parameter reached its expiration time and was deleted.\"},"
                + "\"eventCategory\":\"Management\"}");
    }

    @Test
    void aServiceEventCarriesAdditionalEventDataAfterTheResponseAndNeverACredential() {
        ObjectNode additional = object("SecretId", "arn:aws:secretsmanager:us-east-1:111122223333:secret:db-a1b2c3");
        ObjectNode details = object("reason", "testSecret failed");
        details.putObject("secret").put("password", "hunter2-rotated");
        ServiceEvent failed = new ServiceEvent("e-1", TIME, Fixtures.ACCOUNT, Fixtures.REGION,
                "secretsmanager.amazonaws.com", "RotationFailed", List.of(), details, additional);
        ObjectNode event = EventRecords.render(failed);

        assertThat(fieldNames(event)).containsSubsequence("responseElements", "additionalEventData", "eventID");
        assertThat(event.get("additionalEventData").get("SecretId").asText()).endsWith(":secret:db-a1b2c3");
        assertThat(event.has("resources")).isFalse();
        assertThat(event.get("serviceEventDetails").get("reason").asText()).isEqualTo("testSecret failed");
        assertThat(event.toString()).doesNotContain("hunter2");
    }

    @Test
    void aServiceEventThatReportsAFailureSaysWhyInErrorMessageWithoutAnErrorCode() {
        ServiceEvent failed = new ServiceEvent("e-3", TIME, Fixtures.ACCOUNT, Fixtures.REGION,
                "secretsmanager.amazonaws.com", "RotationFailed", List.of(), NODES.objectNode(), NODES.objectNode(),
                Optional.of("The rotation function failed at step testSecret (HTTP 500)"));
        ObjectNode event = EventRecords.render(failed);

        assertThat(fieldNames(event)).containsSubsequence("userAgent", "errorMessage", "requestParameters");
        assertThat(event.get("errorMessage").asText()).isEqualTo("The rotation function failed at step testSecret (HTTP 500)");
        assertThat(event.has("errorCode")).isFalse();
        assertThat(EventRecords.render(Fixtures.parameterExpired(TIME)).has("errorMessage")).isFalse();
    }

    @Test
    void aServiceEventWithoutDetailsLeavesTheFieldOut() {
        ServiceEvent bare = new ServiceEvent("e-2", TIME, Fixtures.ACCOUNT, Fixtures.REGION, "kms.amazonaws.com",
                "DeleteKey", List.of(), NODES.objectNode(), NODES.objectNode());

        assertThat(EventRecords.render(bare).has("serviceEventDetails")).isFalse();
        assertThat(EventRecords.render(bare).has("additionalEventData")).isFalse();
    }

    private static ObjectNode object(String field, String value) {
        ObjectNode node = NODES.objectNode();
        node.put(field, value);
        return node;
    }

    private static List<String> fieldNames(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
