package dev.bulwark.protocol.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.core.AwsException;
import dev.bulwark.core.CommonErrors;
import dev.bulwark.core.service.WireProtocol;
import dev.bulwark.core.wire.WireRequest;
import dev.bulwark.core.wire.WireResponse;
import dev.bulwark.protocol.ProtocolAdapter;
import dev.bulwark.protocol.ProtocolAdapters;
import dev.bulwark.protocol.TestServices;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.CreateUserResponse;
import software.amazon.awssdk.services.iam.model.DeleteUserResponse;
import software.amazon.awssdk.services.iam.model.ListUsersRequest;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;
import software.amazon.awssdk.services.sts.model.Tag;

class AwsQueryAdapterTest {
    private static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";
    private static final Instant CREATED = Instant.parse("2024-01-01T00:00:00Z");

    private final ProtocolAdapter adapter = ProtocolAdapters.forProtocol(WireProtocol.AWS_QUERY);

    private static WireRequest form(String body) {
        return TestServices.post(Map.of("Content-Type", List.of("application/x-www-form-urlencoded; charset=utf-8")), body);
    }

    private static Document xml(WireResponse response) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body()));
    }

    private static String text(Document document, String path) {
        Element element = document.getDocumentElement();
        for (String name : path.split("/")) {
            element = (Element) element.getElementsByTagName(name).item(0);
            if (element == null) {
                return null;
            }
        }
        return element.getTextContent();
    }

    @Test
    void resolvesActionAndVersionFromTheFormBody() {
        assertThat(adapter.resolve(TestServices.iam(), form("Action=CreateUser&Version=2010-05-08&UserName=bob")))
                .isSameAs(TestServices.CREATE_USER);
    }

    @Test
    void acceptsActionAndVersionInTheQueryStringOfAGet() {
        WireRequest get = new WireRequest("GET", "/", "Action=ListUsers&Version=2010-05-08&MaxItems=10",
                Map.of(), null, "127.0.0.1", false);

        assertThat(adapter.resolve(TestServices.iam(), get)).isSameAs(TestServices.LIST_USERS);
        assertThat(adapter.readRequest(TestServices.LIST_USERS, get))
                .isEqualTo(ListUsersRequest.builder().maxItems(10).build());
    }

    @Test
    void missingActionIsMissingAction() {
        assertThatThrownBy(() -> adapter.resolve(TestServices.iam(), form("Version=2010-05-08")))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("MissingAction");
                    assertThat(e.httpStatus()).isEqualTo(400);
                });
    }

    @Test
    void unknownActionOrVersionIsInvalidAction() {
        assertThatThrownBy(() -> adapter.resolve(TestServices.iam(), form("Action=Frobnicate&Version=2010-05-08")))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidAction");
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("Could not find operation Frobnicate for version 2010-05-08");
                });
        assertThatThrownBy(() -> adapter.resolve(TestServices.iam(), form("Action=CreateUser&Version=2011-06-15")))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("Could not find operation CreateUser for version 2011-06-15"));
    }

    @Test
    void readsCreateUserWithTagListAndScalars() {
        var request = adapter.readRequest(TestServices.CREATE_USER, form("Action=CreateUser&Version=2010-05-08"
                + "&UserName=bob&Path=%2Fdevs%2F"
                + "&PermissionsBoundary=arn%3Aaws%3Aiam%3A%3A111122223333%3Apolicy%2Fb"
                + "&Tags.member.1.Key=team&Tags.member.1.Value=a%26b"
                + "&Tags.member.2.Key=env&Tags.member.2.Value=prod"));

        assertThat(request).isEqualTo(CreateUserRequest.builder()
                .userName("bob").path("/devs/")
                .permissionsBoundary("arn:aws:iam::111122223333:policy/b")
                .tags(software.amazon.awssdk.services.iam.model.Tag.builder().key("team").value("a&b").build(),
                        software.amazon.awssdk.services.iam.model.Tag.builder().key("env").value("prod").build())
                .build());
    }

    @Test
    void readsAssumeRoleWithStructureListsStringListsAndIntegers() {
        var request = (AssumeRoleRequest) adapter.readRequest(TestServices.ASSUME_ROLE, form("Action=AssumeRole"
                + "&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Fr&RoleSessionName=s"
                + "&DurationSeconds=900"
                + "&PolicyArns.member.1.arn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FReadOnlyAccess"
                + "&Tags.member.1.Key=project&Tags.member.1.Value=x"
                + "&TransitiveTagKeys.member.1=project&TransitiveTagKeys.member.2=cost"));

        assertThat(request.roleArn()).isEqualTo("arn:aws:iam::111122223333:role/r");
        assertThat(request.durationSeconds()).isEqualTo(900);
        assertThat(request.policyArns()).containsExactly(
                PolicyDescriptorType.builder().arn("arn:aws:iam::aws:policy/ReadOnlyAccess").build());
        assertThat(request.tags()).containsExactly(Tag.builder().key("project").value("x").build());
        assertThat(request.transitiveTagKeys()).containsExactly("project", "cost");
    }

    @Test
    void anExplicitlyEmptyListIsEmptyAndAbsentListsStayUnset() {
        var request = (AssumeRoleRequest) adapter.readRequest(TestServices.ASSUME_ROLE,
                form("Action=AssumeRole&Version=2011-06-15&RoleArn=r&PolicyArns="));

        assertThat(request.hasPolicyArns()).isTrue();
        assertThat(request.policyArns()).isEmpty();
        assertThat(request.hasTags()).isFalse();
    }

    @Test
    void listIndexesStopAtTheFirstGap() {
        var request = (AssumeRoleRequest) adapter.readRequest(TestServices.ASSUME_ROLE,
                form("TransitiveTagKeys.member.1=a&TransitiveTagKeys.member.3=c"));

        assertThat(request.transitiveTagKeys()).containsExactly("a");
    }

    @Test
    void unparsableValuesAreValidationErrorsThatDoNotEchoTheValue() {
        assertThatThrownBy(() -> adapter.readRequest(TestServices.ASSUME_ROLE, form("DurationSeconds=lots")))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("ValidationError");
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("DurationSeconds").doesNotContain("lots");
                });
    }

    @Test
    void writesCreateUserResultInTheServiceNamespace() throws Exception {
        WireResponse response = adapter.writeResponse(TestServices.IAM, TestServices.CREATE_USER,
                CreateUserResponse.builder().user(User.builder()
                        .path("/").userName("bob").userId("AIDAEXAMPLE")
                        .arn("arn:aws:iam::111122223333:user/bob").createDate(CREATED).build()).build(),
                "req-1");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("Content-Type", "text/xml")
                .containsEntry("x-amzn-RequestId", "req-1");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(
                "<CreateUserResponse xmlns=\"" + IAM_NS + "\"><CreateUserResult><User>"
                        + "<Path>/</Path><UserName>bob</UserName><UserId>AIDAEXAMPLE</UserId>"
                        + "<Arn>arn:aws:iam::111122223333:user/bob</Arn>"
                        + "<CreateDate>2024-01-01T00:00:00.000Z</CreateDate></User></CreateUserResult>"
                        + "<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></CreateUserResponse>");
    }

    @Test
    void writesListsAsMembersWithBooleansAndNestedTags() throws Exception {
        WireResponse response = adapter.writeResponse(TestServices.IAM, TestServices.LIST_USERS,
                ListUsersResponse.builder()
                        .users(User.builder().userName("a").createDate(CREATED)
                                        .tags(software.amazon.awssdk.services.iam.model.Tag.builder()
                                                .key("k").value("<v&>").build()).build(),
                                User.builder().userName("b").build())
                        .isTruncated(true).marker("m")
                        .build(), "req-2");

        Document document = xml(response);
        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo(IAM_NS);
        var members = document.getElementsByTagName("Users").item(0).getChildNodes();
        assertThat(members.getLength()).isEqualTo(2);
        assertThat(members.item(0).getNodeName()).isEqualTo("member");
        assertThat(text(document, "ListUsersResult/Users/member/UserName")).isEqualTo("a");
        assertThat(text(document, "ListUsersResult/Users/member/Tags/member/Value")).isEqualTo("<v&>");
        assertThat(text(document, "ListUsersResult/IsTruncated")).isEqualTo("true");
        assertThat(text(document, "ListUsersResult/Marker")).isEqualTo("m");
        assertThat(text(document, "ResponseMetadata/RequestId")).isEqualTo("req-2");
    }

    @Test
    void anEmptyListIsAnEmptyElementAndAnUnsetListIsOmitted() {
        String empty = new String(adapter.writeResponse(TestServices.IAM, TestServices.LIST_USERS,
                ListUsersResponse.builder().users(List.of()).isTruncated(false).build(), "r").body(),
                StandardCharsets.UTF_8);
        String unset = new String(adapter.writeResponse(TestServices.IAM, TestServices.LIST_USERS,
                ListUsersResponse.builder().isTruncated(false).build(), "r").body(), StandardCharsets.UTF_8);

        assertThat(empty).contains("<ListUsersResult><Users/><IsTruncated>false</IsTruncated></ListUsersResult>");
        assertThat(unset).contains("<ListUsersResult><IsTruncated>false</IsTruncated></ListUsersResult>");
    }

    @Test
    void operationsWithoutOutputMembersHaveOnlyResponseMetadata() {
        WireResponse response = adapter.writeResponse(TestServices.IAM, TestServices.DELETE_USER,
                DeleteUserResponse.builder().build(), "req-3");

        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(
                "<DeleteUserResponse xmlns=\"" + IAM_NS + "\">"
                        + "<ResponseMetadata><RequestId>req-3</RequestId></ResponseMetadata></DeleteUserResponse>");
    }

    @Test
    void writesAssumeRoleCredentialsWithExpiration() throws Exception {
        WireResponse response = adapter.writeResponse(TestServices.STS, TestServices.ASSUME_ROLE,
                AssumeRoleResponse.builder()
                        .credentials(Credentials.builder().accessKeyId("ASIAEXAMPLE").secretAccessKey("secret")
                                .sessionToken("token").expiration(Instant.parse("2024-01-01T01:00:00.250Z")).build())
                        .assumedRoleUser(AssumedRoleUser.builder().assumedRoleId("AROA:s")
                                .arn("arn:aws:sts::111122223333:assumed-role/r/s").build())
                        .packedPolicySize(6)
                        .build(), "req-4");

        Document document = xml(response);
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("AssumeRoleResponse");
        assertThat(document.getDocumentElement().getNamespaceURI())
                .isEqualTo("https://sts.amazonaws.com/doc/2011-06-15/");
        assertThat(text(document, "AssumeRoleResult/Credentials/AccessKeyId")).isEqualTo("ASIAEXAMPLE");
        assertThat(text(document, "AssumeRoleResult/Credentials/Expiration")).isEqualTo("2024-01-01T01:00:00.250Z");
        assertThat(text(document, "AssumeRoleResult/AssumedRoleUser/Arn"))
                .isEqualTo("arn:aws:sts::111122223333:assumed-role/r/s");
        assertThat(text(document, "AssumeRoleResult/PackedPolicySize")).isEqualTo("6");
    }

    @Test
    void writesErrorsAsIamDoes() {
        WireResponse response = adapter.writeError(TestServices.IAM,
                new AwsException("NoSuchEntity", 404, "The user with name bob cannot be found."), "req-5");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers()).containsEntry("Content-Type", "text/xml")
                .containsEntry("x-amzn-RequestId", "req-5");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(
                "<ErrorResponse xmlns=\"" + IAM_NS + "\"><Error><Type>Sender</Type><Code>NoSuchEntity</Code>"
                        + "<Message>The user with name bob cannot be found.</Message></Error>"
                        + "<RequestId>req-5</RequestId></ErrorResponse>");
    }

    @Test
    void serverFaultsAreReceiverErrors() throws Exception {
        WireResponse response = adapter.writeError(TestServices.STS, CommonErrors.serviceUnavailable(), "r");

        assertThat(response.status()).isEqualTo(503);
        assertThat(text(xml(response), "Error/Type")).isEqualTo("Receiver");
        assertThat(text(xml(response), "Error/Code")).isEqualTo("ServiceUnavailable");
    }

    @Test
    void errorMessagesAreEscaped() throws Exception {
        WireResponse response = adapter.writeError(TestServices.IAM,
                AwsException.badRequest("ValidationError", "bad <name> & \"quote\"\r\n\u0000"), "r");

        assertThat(text(xml(response), "Error/Message")).isEqualTo("bad <name> & \"quote\"\r\n\uFFFD");
    }
}
