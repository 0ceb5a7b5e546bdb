package dev.bulwark.sts;

import dev.bulwark.auth.IdentityPolicySource;
import dev.bulwark.auth.identity.AccessKeyGenerator;
import dev.bulwark.core.call.Caller;
import dev.bulwark.core.call.Principal;
import dev.bulwark.core.service.AwsService;
import dev.bulwark.core.service.Operation;
import dev.bulwark.core.service.ServiceDescriptor;
import dev.bulwark.iam.IamRoles;
import dev.bulwark.store.Store;
import dev.bulwark.sts.internal.AccessKeyInfoOperation;
import dev.bulwark.sts.internal.AssumeRoleOperation;
import dev.bulwark.sts.internal.SessionTokenOperation;
import dev.bulwark.sts.internal.StsContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.GetAccessKeyInfoRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.GetSessionTokenRequest;

/**
 * AWS Security Token Service. The table below lists the operations served, in the order of
 * the STS API reference. Temporary credentials are stored with the access keys (the auth
 * module's session credential store), so SigV4 verifies them like any key, with their session
 * token, until they expire. Roles and their trust policies are IAM's, read through its public
 * API; trust is decided by the policy engine, with the callers' policies from IAM's
 * {@link IdentityPolicySource}.
 */
public final class StsService implements AwsService {
    public static final ServiceDescriptor DESCRIPTOR =
            ServiceDescriptor.query("sts", "2011-06-15", "https://sts.amazonaws.com/doc/2011-06-15/");

    private final AssumeRoleOperation assumeRole;
    private final SessionTokenOperation sessionToken;
    private final AccessKeyInfoOperation accessKeyInfo;

    public StsService(Store store, IamRoles roles, IdentityPolicySource policies, Clock clock, SecureRandom random) {
        StsContext sts = new StsContext(store, roles, policies, clock, new AccessKeyGenerator(random));
        this.assumeRole = new AssumeRoleOperation(sts);
        this.sessionToken = new SessionTokenOperation(sts);
        this.accessKeyInfo = new AccessKeyInfoOperation(sts);
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Operation<?, ?>> operations() {
        // CloudTrail records AssumeRole and GetSessionToken as read-only events.
        return List.of(
                Operation.read("AssumeRole", AssumeRoleRequest::builder, assumeRole::assumeRole),
                Operation.read("GetAccessKeyInfo", GetAccessKeyInfoRequest::builder, accessKeyInfo::getAccessKeyInfo),
                Operation.read("GetCallerIdentity", GetCallerIdentityRequest::builder, this::getCallerIdentity),
                Operation.read("GetSessionToken", GetSessionTokenRequest::builder, sessionToken::getSessionToken));
    }

    /** Needs no permission: AWS answers it even when every action is denied. */
    GetCallerIdentityResponse getCallerIdentity(Caller caller, GetCallerIdentityRequest request) {
        Principal principal = caller.principal();
        return GetCallerIdentityResponse.builder()
                .account(principal.account().value())
                .arn(principal.arn())
                .userId(principal.principalId())
                .build();
    }
}
