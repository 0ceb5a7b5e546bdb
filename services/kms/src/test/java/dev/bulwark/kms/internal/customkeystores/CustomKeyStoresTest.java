package dev.bulwark.kms.internal.customkeystores;

import static dev.bulwark.kms.testing.AwsErrorAssert.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.kms.testing.KmsTestKit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.model.ConnectCustomKeyStoreRequest;
import software.amazon.awssdk.services.kms.model.CreateCustomKeyStoreRequest;
import software.amazon.awssdk.services.kms.model.DeleteCustomKeyStoreRequest;
import software.amazon.awssdk.services.kms.model.DescribeCustomKeyStoresRequest;
import software.amazon.awssdk.services.kms.model.DescribeCustomKeyStoresResponse;
import software.amazon.awssdk.services.kms.model.DisconnectCustomKeyStoreRequest;
import software.amazon.awssdk.services.kms.model.UpdateCustomKeyStoreRequest;
import software.amazon.awssdk.services.kms.model.XksProxyAuthenticationCredentialType;

class CustomKeyStoresTest {
    private static final String STORE_ID = "cks-1234567890abcdef0";
    private static final XksProxyAuthenticationCredentialType CREDENTIAL = XksProxyAuthenticationCredentialType.builder()
            .accessKeyId("ABCDEFGHIJKLMNOPQRST").rawSecretAccessKey("a".repeat(43)).build();

    private final KmsTestKit kit = new KmsTestKit();
    private final CustomKeyStores stores = new CustomKeyStores();

    @Test
    void anAccountHasNoCustomKeyStores() {
        DescribeCustomKeyStoresResponse described = stores.describeCustomKeyStores(kit.caller(),
                DescribeCustomKeyStoresRequest.builder().build());

        assertThat(described.customKeyStores()).isEmpty();
        assertThat(described.truncated()).isFalse();
        assertThat(kit.lastAuthorization("kms:DescribeCustomKeyStores").resourceArn()).isEqualTo("*");
        assertAwsError(() -> stores.describeCustomKeyStores(kit.caller(), DescribeCustomKeyStoresRequest.builder()
                .customKeyStoreId(STORE_ID).build()), "CustomKeyStoreNotFoundException", null);
        assertAwsError(() -> stores.describeCustomKeyStores(kit.caller(), DescribeCustomKeyStoresRequest.builder()
                .customKeyStoreName("hsm").build()), "CustomKeyStoreNotFoundException", null);
        assertAwsError(() -> stores.describeCustomKeyStores(kit.caller(), DescribeCustomKeyStoresRequest.builder()
                .marker("%%%").build()), "InvalidMarkerException", "The marker that specifies where pagination should next begin is not valid.");
    }

    @Test
    void operationsOnAStoreFindNone() {
        assertAwsError(() -> stores.connectCustomKeyStore(kit.caller(), ConnectCustomKeyStoreRequest.builder()
                .customKeyStoreId(STORE_ID).build()), "CustomKeyStoreNotFoundException", null);
        assertAwsError(() -> stores.disconnectCustomKeyStore(kit.caller(), DisconnectCustomKeyStoreRequest.builder()
                .customKeyStoreId(STORE_ID).build()), "CustomKeyStoreNotFoundException", null);
        assertAwsError(() -> stores.deleteCustomKeyStore(kit.caller(), DeleteCustomKeyStoreRequest.builder()
                .customKeyStoreId(STORE_ID).build()), "CustomKeyStoreNotFoundException", null);
        assertAwsError(() -> stores.updateCustomKeyStore(kit.caller(), UpdateCustomKeyStoreRequest.builder()
                .customKeyStoreId(STORE_ID).newCustomKeyStoreName("renamed").build()), "CustomKeyStoreNotFoundException", null);
        assertThat(kit.lastAuthorization("kms:ConnectCustomKeyStore").resourceArn()).isEqualTo("*");
        assertAwsError(() -> stores.connectCustomKeyStore(kit.caller(), ConnectCustomKeyStoreRequest.builder().build()),
                "ValidationException", "1 validation error detected: Value null at 'customKeyStoreId' failed to satisfy constraint: "
                        + "Member must not be null");
    }

    @Test
    void aCloudHsmKeyStoreFindsNoCluster() {
        assertAwsError(() -> stores.createCustomKeyStore(kit.caller(), CreateCustomKeyStoreRequest.builder()
                        .customKeyStoreName("hsm").cloudHsmClusterId("cluster-234abcdefgh").trustAnchorCertificate("-----BEGIN CERT")
                        .keyStorePassword("kmsuser-password").build()),
                "CloudHsmClusterNotFoundException", "The CloudHSM cluster cluster-234abcdefgh does not exist in this account and Region.");
        assertAwsError(() -> stores.createCustomKeyStore(kit.caller(), CreateCustomKeyStoreRequest.builder()
                        .customKeyStoreName("hsm").cloudHsmClusterId("cluster-234abcdefgh").build()),
                "ValidationException", "TrustAnchorCertificate is required for a custom key store of type AWS_CLOUDHSM.");
    }

    @Test
    void regressionThePasswordIsNeverQuotedInAnError() {
        assertAwsError(() -> stores.createCustomKeyStore(kit.caller(), CreateCustomKeyStoreRequest.builder()
                        .customKeyStoreName("hsm").keyStorePassword("short").build()),
                "ValidationException", "1 validation error detected: Value at 'keyStorePassword' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 7");
    }

    @Test
    void anExternalKeyStoreCannotReachItsProxy() {
        assertAwsError(() -> stores.createCustomKeyStore(kit.caller(), CreateCustomKeyStoreRequest.builder()
                        .customKeyStoreName("xks").customKeyStoreType("EXTERNAL_KEY_STORE").xksProxyConnectivity("PUBLIC_ENDPOINT")
                        .xksProxyUriEndpoint("https://xks.example.com").xksProxyUriPath("/kms/xks/v1")
                        .xksProxyAuthenticationCredential(CREDENTIAL).build()),
                "XksProxyUriUnreachableException", "KMS cannot reach the external key store proxy at "
                        + "https://xks.example.com/kms/xks/v1: Bulwark does not connect to external key store proxies.");
        assertAwsError(() -> stores.createCustomKeyStore(kit.caller(), CreateCustomKeyStoreRequest.builder()
                        .customKeyStoreName("xks").customKeyStoreType("EXTERNAL_KEY_STORE").xksProxyConnectivity("VPC_ENDPOINT_SERVICE")
                        .xksProxyUriEndpoint("https://xks.example.com").xksProxyUriPath("/kms/xks/v1")
                        .xksProxyVpcEndpointServiceName("com.amazonaws.vpce.us-east-1.vpce-svc-0123456789")
                        .xksProxyAuthenticationCredential(CREDENTIAL).build()),
                "XksProxyVpcEndpointServiceNotFoundException", "The Amazon VPC endpoint service "
                        + "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789 does not exist: Bulwark has no VPC endpoint services.");
        assertAwsError(() -> stores.createCustomKeyStore(kit.caller(), CreateCustomKeyStoreRequest.builder()
                        .customKeyStoreName("xks").customKeyStoreType("EXTERNAL_KEY_STORE").xksProxyUriEndpoint("http://plain")
                        .xksProxyAuthenticationCredential(XksProxyAuthenticationCredentialType.builder()
                                .accessKeyId("lowercase-secret-id-0").rawSecretAccessKey("b".repeat(43)).build()).build()),
                "ValidationException", "2 validation errors detected: Value 'http://plain' at 'xksProxyUriEndpoint' failed to satisfy "
                        + "constraint: Member must satisfy regular expression pattern: ^https://[a-zA-Z0-9.-]+$; Value at "
                        + "'xksProxyAuthenticationCredential.accessKeyId' failed to satisfy constraint: Member must satisfy regular "
                        + "expression pattern: ^[A-Z2-7]+$");
    }
}
