package dev.bulwark.kms.internal.customkeystores;

import dev.bulwark.core.CommonErrors;
import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import dev.bulwark.kms.internal.KmsConditions;
import dev.bulwark.kms.internal.KmsErrors;
import dev.bulwark.kms.internal.Markers;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.kms.model.ConnectCustomKeyStoreRequest;
import software.amazon.awssdk.services.kms.model.ConnectCustomKeyStoreResponse;
import software.amazon.awssdk.services.kms.model.CreateCustomKeyStoreRequest;
import software.amazon.awssdk.services.kms.model.CreateCustomKeyStoreResponse;
import software.amazon.awssdk.services.kms.model.DeleteCustomKeyStoreRequest;
import software.amazon.awssdk.services.kms.model.DeleteCustomKeyStoreResponse;
import software.amazon.awssdk.services.kms.model.DescribeCustomKeyStoresRequest;
import software.amazon.awssdk.services.kms.model.DescribeCustomKeyStoresResponse;
import software.amazon.awssdk.services.kms.model.DisconnectCustomKeyStoreRequest;
import software.amazon.awssdk.services.kms.model.DisconnectCustomKeyStoreResponse;
import software.amazon.awssdk.services.kms.model.UpdateCustomKeyStoreRequest;
import software.amazon.awssdk.services.kms.model.UpdateCustomKeyStoreResponse;
import software.amazon.awssdk.services.kms.model.XksProxyAuthenticationCredentialType;

/**
 * The custom key store operations, answered as AWS answers an account and Region that has no
 * custom key store, which in Bulwark is every one: custom key stores need a CloudHSM cluster or an
 * external key store proxy, and Bulwark has neither yet (CloudHSM-backed stores come with the HSM
 * service).
 *
 * <ul>
 *   <li>DescribeCustomKeyStores lists none; naming a store by id or name is
 *       CustomKeyStoreNotFoundException.</li>
 *   <li>Connect, Disconnect, Update and Delete name a store that does not exist:
 *       CustomKeyStoreNotFoundException.</li>
 *   <li>CreateCustomKeyStore checks the request as AWS does, then fails where AWS would fail
 *       with nothing behind it: a CloudHSM store's cluster is not found
 *       (CloudHsmClusterNotFoundException); an external store's proxy cannot be reached
 *       (XksProxyUriUnreachableException), or its VPC endpoint service does not exist
 *       (XksProxyVpcEndpointServiceNotFoundException). Nothing is created, and no connection is
 *       attempted: the messages say so.</li>
 * </ul>
 *
 * These are IAM-policy operations on no particular resource, so each is authorized on {@code *}.
 * Secret members (the kmsuser password, the proxy credential) are never quoted in errors.
 */
public final class CustomKeyStores {
    private static final List<String> STORE_TYPES = List.of("AWS_CLOUDHSM", "EXTERNAL_KEY_STORE");
    private static final List<String> CONNECTIVITY = List.of("PUBLIC_ENDPOINT", "VPC_ENDPOINT_SERVICE");
    private static final Pattern CLUSTER_ID = Pattern.compile("cluster-[2-7a-zA-Z]{11,16}");
    private static final Pattern PROXY_URI_ENDPOINT = Pattern.compile("^https://[a-zA-Z0-9.-]+$");
    private static final Pattern PROXY_URI_PATH = Pattern.compile("^(/[a-zA-Z0-9\\/_-]+/kms/xks/v\\d{1,2})$|^(/kms/xks/v\\d{1,2})$");
    private static final Pattern VPC_ENDPOINT_SERVICE =
            Pattern.compile("^(com|eu)\\.amazonaws\\.vpce\\.([a-z]+-){2,3}\\d+\\.vpce-svc-[0-9a-z]+$");
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("^[A-Z2-7]+$");
    private static final Pattern RAW_SECRET = Pattern.compile("^[a-zA-Z0-9\\/+=]+$");

    public CreateCustomKeyStoreResponse createCustomKeyStore(Caller caller, CreateCustomKeyStoreRequest request) {
        Validation check = Validation.check()
                .requiredText("customKeyStoreName", request.customKeyStoreName(), 1, 256)
                .length("cloudHsmClusterId", request.cloudHsmClusterId(), 19, 24)
                .pattern("cloudHsmClusterId", request.cloudHsmClusterId(), CLUSTER_ID)
                .length("trustAnchorCertificate", request.trustAnchorCertificate(), 1, 5000)
                .sensitive("keyStorePassword", request.keyStorePassword(), 7, 32)
                .oneOf("customKeyStoreType", request.customKeyStoreTypeAsString(), STORE_TYPES);
        proxySettings(check, request.xksProxyUriEndpoint(), request.xksProxyUriPath(), request.xksProxyVpcEndpointServiceName(),
                request.xksProxyVpcEndpointServiceOwner(), request.xksProxyAuthenticationCredential(),
                request.xksProxyConnectivityAsString());
        check.orThrow();
        caller.authorize("kms:CreateCustomKeyStore", "*", KmsConditions.of(caller).toMap());
        if ("EXTERNAL_KEY_STORE".equals(request.customKeyStoreTypeAsString())) {
            throw externalKeyStoreUnavailable(request);
        }
        require(request.cloudHsmClusterId(), "CloudHsmClusterId", "AWS_CLOUDHSM");
        require(request.trustAnchorCertificate(), "TrustAnchorCertificate", "AWS_CLOUDHSM");
        require(request.keyStorePassword(), "KeyStorePassword", "AWS_CLOUDHSM");
        throw KmsErrors.cloudHsmClusterNotFound(request.cloudHsmClusterId());
    }

    public ConnectCustomKeyStoreResponse connectCustomKeyStore(Caller caller, ConnectCustomKeyStoreRequest request) {
        throw notFound(caller, "kms:ConnectCustomKeyStore", request.customKeyStoreId());
    }

    public DeleteCustomKeyStoreResponse deleteCustomKeyStore(Caller caller, DeleteCustomKeyStoreRequest request) {
        throw notFound(caller, "kms:DeleteCustomKeyStore", request.customKeyStoreId());
    }

    public DescribeCustomKeyStoresResponse describeCustomKeyStores(Caller caller, DescribeCustomKeyStoresRequest request) {
        Validation.check()
                .length("customKeyStoreId", request.customKeyStoreId(), 1, 64)
                .length("customKeyStoreName", request.customKeyStoreName(), 1, 256)
                .range("limit", request.limit(), 1, 1000)
                .length("marker", request.marker(), 1, 1024)
                .orThrow();
        Markers.decode(request.marker());
        caller.authorize("kms:DescribeCustomKeyStores", "*", KmsConditions.of(caller).toMap());
        if (request.customKeyStoreId() != null && request.customKeyStoreName() != null) {
            throw CommonErrors.validation("Specify either a CustomKeyStoreId or a CustomKeyStoreName, not both.");
        }
        if (request.customKeyStoreId() != null || request.customKeyStoreName() != null) {
            throw KmsErrors.customKeyStoreNotFound();
        }
        return DescribeCustomKeyStoresResponse.builder().customKeyStores(List.of()).truncated(false).build();
    }

    public DisconnectCustomKeyStoreResponse disconnectCustomKeyStore(Caller caller, DisconnectCustomKeyStoreRequest request) {
        throw notFound(caller, "kms:DisconnectCustomKeyStore", request.customKeyStoreId());
    }

    public UpdateCustomKeyStoreResponse updateCustomKeyStore(Caller caller, UpdateCustomKeyStoreRequest request) {
        Validation check = Validation.check()
                .requiredText("customKeyStoreId", request.customKeyStoreId(), 1, 64)
                .length("newCustomKeyStoreName", request.newCustomKeyStoreName(), 1, 256)
                .sensitive("keyStorePassword", request.keyStorePassword(), 7, 32)
                .length("cloudHsmClusterId", request.cloudHsmClusterId(), 19, 24)
                .pattern("cloudHsmClusterId", request.cloudHsmClusterId(), CLUSTER_ID);
        proxySettings(check, request.xksProxyUriEndpoint(), request.xksProxyUriPath(), request.xksProxyVpcEndpointServiceName(),
                request.xksProxyVpcEndpointServiceOwner(), request.xksProxyAuthenticationCredential(),
                request.xksProxyConnectivityAsString());
        check.orThrow();
        caller.authorize("kms:UpdateCustomKeyStore", "*", KmsConditions.of(caller).toMap());
        throw KmsErrors.customKeyStoreNotFound();
    }

    /** Connect, Disconnect and Delete: the store they name cannot exist. */
    private static RuntimeException notFound(Caller caller, String action, String customKeyStoreId) {
        Validation.check().requiredText("customKeyStoreId", customKeyStoreId, 1, 64).orThrow();
        caller.authorize(action, "*", KmsConditions.of(caller).toMap());
        return KmsErrors.customKeyStoreNotFound();
    }

    private static void proxySettings(Validation check, String uriEndpoint, String uriPath, String vpcEndpointServiceName,
            String vpcEndpointServiceOwner, XksProxyAuthenticationCredentialType credential, String connectivity) {
        check.length("xksProxyUriEndpoint", uriEndpoint, 10, 128)
                .pattern("xksProxyUriEndpoint", uriEndpoint, PROXY_URI_ENDPOINT)
                .length("xksProxyUriPath", uriPath, 10, 128)
                .pattern("xksProxyUriPath", uriPath, PROXY_URI_PATH)
                .length("xksProxyVpcEndpointServiceName", vpcEndpointServiceName, 20, 64)
                .pattern("xksProxyVpcEndpointServiceName", vpcEndpointServiceName, VPC_ENDPOINT_SERVICE)
                .length("xksProxyVpcEndpointServiceOwner", vpcEndpointServiceOwner, 12, 12)
                .pattern("xksProxyVpcEndpointServiceOwner", vpcEndpointServiceOwner, ACCOUNT_ID)
                .oneOf("xksProxyConnectivity", connectivity, CONNECTIVITY);
        if (credential != null) {
            check.required("xksProxyAuthenticationCredential.accessKeyId", credential.accessKeyId())
                    .sensitive("xksProxyAuthenticationCredential.accessKeyId", credential.accessKeyId(), 20, 30)
                    .sensitivePattern("xksProxyAuthenticationCredential.accessKeyId", credential.accessKeyId(), ACCESS_KEY_ID)
                    .required("xksProxyAuthenticationCredential.rawSecretAccessKey", credential.rawSecretAccessKey())
                    .sensitive("xksProxyAuthenticationCredential.rawSecretAccessKey", credential.rawSecretAccessKey(), 43, 64)
                    .sensitivePattern("xksProxyAuthenticationCredential.rawSecretAccessKey", credential.rawSecretAccessKey(), RAW_SECRET);
        }
    }

    /**
     * An external key store needs its proxy's endpoint, path, credential and connectivity; Bulwark
     * then cannot go further, since it does not connect to external key store proxies.
     */
    private static RuntimeException externalKeyStoreUnavailable(CreateCustomKeyStoreRequest request) {
        require(request.xksProxyUriEndpoint(), "XksProxyUriEndpoint", "EXTERNAL_KEY_STORE");
        require(request.xksProxyUriPath(), "XksProxyUriPath", "EXTERNAL_KEY_STORE");
        require(request.xksProxyAuthenticationCredential(), "XksProxyAuthenticationCredential", "EXTERNAL_KEY_STORE");
        require(request.xksProxyConnectivityAsString(), "XksProxyConnectivity", "EXTERNAL_KEY_STORE");
        if ("VPC_ENDPOINT_SERVICE".equals(request.xksProxyConnectivityAsString())) {
            require(request.xksProxyVpcEndpointServiceName(), "XksProxyVpcEndpointServiceName", "EXTERNAL_KEY_STORE");
            return KmsErrors.xksProxyVpcEndpointServiceNotFound("The Amazon VPC endpoint service "
                    + request.xksProxyVpcEndpointServiceName() + " does not exist: Bulwark has no VPC endpoint services.");
        }
        return KmsErrors.xksProxyUriUnreachable("KMS cannot reach the external key store proxy at " + request.xksProxyUriEndpoint()
                + request.xksProxyUriPath() + ": Bulwark does not connect to external key store proxies.");
    }

    private static void require(Object value, String parameter, String storeType) {
        if (value == null) {
            throw CommonErrors.validation(parameter + " is required for a custom key store of type " + storeType + ".");
        }
    }
}
