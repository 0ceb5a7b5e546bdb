package dev.bulwark.sts;

import dev.bulwark.core.call.Caller;
import dev.bulwark.core.call.Principal;
import dev.bulwark.core.service.AwsService;
import dev.bulwark.core.service.Operation;
import dev.bulwark.core.service.ServiceDescriptor;
import java.util.List;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * AWS Security Token Service. The table below lists the operations served, in the order of
 * the STS API reference; AssumeRole, GetSessionToken and GetAccessKeyInfo arrive with the IAM
 * issue.
 */
public final class StsService implements AwsService {
    public static final ServiceDescriptor DESCRIPTOR =
            ServiceDescriptor.query("sts", "2011-06-15", "https://sts.amazonaws.com/doc/2011-06-15/");

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Operation<?, ?>> operations() {
        return List.of(
                Operation.read("GetCallerIdentity", GetCallerIdentityRequest::builder, this::getCallerIdentity));
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
