package dev.bulwark.testing.kms;

import static dev.bulwark.testing.kms.KmsErrors.assertKmsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testing.BulwarkTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DescribeCustomKeyStoresResponse;
import software.amazon.awssdk.services.kms.model.XksProxyAuthenticationCredentialType;

/** The custom key store operations through the real AWS SDK, for an account that has no custom key store. */
class KmsCustomKeyStoresEndToEndTest {
    private static final String STORE_ID = "cks-1234567890abcdef0";

    private static BulwarkTestServer server;
    private static KmsClient kms;

    @BeforeAll
    static void start() {
        server = BulwarkTestServer.start();
        kms = server.client(KmsClient.builder());
    }

    @AfterAll
    static void stop() {
        kms.close();
        server.close();
    }

    @Test
    void describingListsNoStore() {
        DescribeCustomKeyStoresResponse described = kms.describeCustomKeyStores(request -> { });

        assertThat(described.customKeyStores()).isEmpty();
        assertThat(described.truncated()).isFalse();
        assertKmsError(() -> kms.describeCustomKeyStores(request -> request.customKeyStoreId(STORE_ID)),
                "CustomKeyStoreNotFoundException", null);
        assertKmsError(() -> kms.describeCustomKeyStores(request -> request.customKeyStoreName("hsm")),
                "CustomKeyStoreNotFoundException", null);
    }

    @Test
    void everyStoreOperationFindsNoStore() {
        assertKmsError(() -> kms.connectCustomKeyStore(request -> request.customKeyStoreId(STORE_ID)),
                "CustomKeyStoreNotFoundException", null);
        assertKmsError(() -> kms.disconnectCustomKeyStore(request -> request.customKeyStoreId(STORE_ID)),
                "CustomKeyStoreNotFoundException", null);
        assertKmsError(() -> kms.deleteCustomKeyStore(request -> request.customKeyStoreId(STORE_ID)),
                "CustomKeyStoreNotFoundException", null);
        assertKmsError(() -> kms.updateCustomKeyStore(request -> request.customKeyStoreId(STORE_ID).newCustomKeyStoreName("renamed")),
                "CustomKeyStoreNotFoundException", null);
        assertKmsError(() -> kms.createKey(request -> request.customKeyStoreId(STORE_ID)), "CustomKeyStoreNotFoundException", null);
    }

    @Test
    void creatingAStoreFindsNothingToBackIt() {
        assertKmsError(() -> kms.createCustomKeyStore(request -> request.customKeyStoreName("hsm")
                        .cloudHsmClusterId("cluster-234abcdefgh").trustAnchorCertificate("-----BEGIN CERTIFICATE-----")
                        .keyStorePassword("kmsuser-password")),
                "CloudHsmClusterNotFoundException", "The CloudHSM cluster cluster-234abcdefgh does not exist in this account and Region.");
        assertKmsError(() -> kms.createCustomKeyStore(request -> request.customKeyStoreName("xks").customKeyStoreType("EXTERNAL_KEY_STORE")
                        .xksProxyConnectivity("PUBLIC_ENDPOINT").xksProxyUriEndpoint("https://xks.example.com").xksProxyUriPath("/kms/xks/v1")
                        .xksProxyAuthenticationCredential(XksProxyAuthenticationCredentialType.builder()
                                .accessKeyId("ABCDEFGHIJKLMNOPQRST").rawSecretAccessKey("a".repeat(43)).build())),
                "XksProxyUriUnreachableException", "KMS cannot reach the external key store proxy at "
                        + "https://xks.example.com/kms/xks/v1: Bulwark does not connect to external key store proxies.");
        assertKmsError(() -> kms.createCustomKeyStore(request -> request.customKeyStoreName("hsm").cloudHsmClusterId("not-a-cluster")),
                "ValidationException", "2 validation errors detected: Value 'not-a-cluster' at 'cloudHsmClusterId' failed to satisfy "
                        + "constraint: Member must have length greater than or equal to 19; Value 'not-a-cluster' at 'cloudHsmClusterId' "
                        + "failed to satisfy constraint: Member must satisfy regular expression pattern: cluster-[2-7a-zA-Z]{11,16}");
    }
}
