package dev.bulwark.sts.internal;

import dev.bulwark.auth.identity.AccessKeyInfo;
import dev.bulwark.auth.identity.AccessKeyStore;
import dev.bulwark.auth.identity.AwsIdentifiers;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import software.amazon.awssdk.services.sts.model.GetAccessKeyInfoRequest;
import software.amazon.awssdk.services.sts.model.GetAccessKeyInfoResponse;

/**
 * GetAccessKeyInfo: the account an access key id belongs to, whatever the key's state.
 *
 * <p>Keys this server issued are looked up (long-term keys in any state, temporary credentials
 * until purged). Any other id is decoded as AWS decodes it: AWS's key ids carry their account
 * (see {@link AwsIdentifiers}), which is how AWS answers for keys of any account, and Bulwark's
 * ids are made the same way. An id that is not in that format (wrong length or characters)
 * names no account and is refused with {@code InvalidParameterValue}.
 */
public final class AccessKeyInfoOperation {
    private final StsContext sts;

    public AccessKeyInfoOperation(StsContext sts) {
        this.sts = sts;
    }

    public GetAccessKeyInfoResponse getAccessKeyInfo(Caller caller, GetAccessKeyInfoRequest request) {
        Validation.check()
                .required("accessKeyId", request.accessKeyId())
                .string("accessKeyId", request.accessKeyId(), 16, 128, StsConstraints.ACCESS_KEY_ID)
                .orThrow();
        caller.authorize("sts:GetAccessKeyInfo", "*");
        String accessKeyId = request.accessKeyId();
        AccountId account = sts.store().read(tx -> AccessKeyStore.describe(tx, accessKeyId).map(AccessKeyInfo::account)
                        .or(() -> AccessKeyStore.find(tx, accessKeyId).map(credential -> credential.principal().account())))
                .or(() -> AwsIdentifiers.accountOf(accessKeyId))
                .orElseThrow(() -> StsErrors.invalidParameterValue(
                        "The access key ID " + accessKeyId + " is not an AWS access key ID."));
        return GetAccessKeyInfoResponse.builder().account(account.value()).build();
    }
}
