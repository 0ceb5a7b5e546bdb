package dev.bulwark.iam.internal;

import dev.bulwark.auth.Credential;
import dev.bulwark.auth.identity.AccessKeyInfo;
import dev.bulwark.auth.identity.AccessKeyLastUse;
import dev.bulwark.auth.identity.AccessKeyStatus;
import dev.bulwark.auth.identity.AccessKeyStore;
import dev.bulwark.core.AccountId;
import dev.bulwark.core.AwsException;
import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import dev.bulwark.core.call.Principal;
import dev.bulwark.crypto.InsecureSecretAccess;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.store.ReadTransaction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyLastUsed;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyResponse;
import software.amazon.awssdk.services.iam.model.DeleteAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.DeleteAccessKeyResponse;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedRequest;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedResponse;
import software.amazon.awssdk.services.iam.model.ListAccessKeysRequest;
import software.amazon.awssdk.services.iam.model.ListAccessKeysResponse;
import software.amazon.awssdk.services.iam.model.UpdateAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.UpdateAccessKeyResponse;

/**
 * Access keys: CreateAccessKey, ListAccessKeys, UpdateAccessKey, DeleteAccessKey,
 * GetAccessKeyLastUsed.
 *
 * <p>Keys are kept by the access key store of the auth module, which SigV4 reads: the secret is
 * sealed there and leaves the server once, in the CreateAccessKey response (the SDK model marks
 * it sensitive, so audit records leave it out). An inactive key stays listed but authenticates
 * nothing. Without a UserName the operations act on the caller: an IAM user's own keys, or the
 * account root's keys when the root calls, as in AWS.
 */
public final class AccessKeyOperations {
    private static final EntityKind<UserRecord> USER = EntityKind.USER;
    private static final int KEYS_PER_USER = 2;
    private static final List<String> STATUSES = List.of("Active", "Inactive", "Expired");

    private final IamContext iam;

    public AccessKeyOperations(IamContext iam) {
        this.iam = iam;
    }

    /** Whose keys a call is about: an IAM user, or the account root. */
    private record Owner(Principal.Type type, String id, String arn, String userName) {
    }

    public CreateAccessKeyResponse createAccessKey(Caller caller, CreateAccessKeyRequest request) {
        validateUserName(request.userName());
        AccountId account = caller.account();
        caller.authorize("iam:CreateAccessKey", ownerArn(caller, request.userName()));
        record Created(Credential credential, String userName, Instant when) {
        }
        Created created = iam.store().write(tx -> {
            Owner owner = requireOwner(tx, caller, request.userName());
            if (AccessKeyStore.keysOf(tx, owner.type(), account, owner.id()).size() >= KEYS_PER_USER) {
                throw IamErrors.quota("AccessKeysPerUser", KEYS_PER_USER);
            }
            String accessKeyId = iam.keys().newLongTermKeyId(account);
            while (AccessKeyStore.exists(tx, accessKeyId)) {
                accessKeyId = iam.keys().newLongTermKeyId(account);
            }
            Credential credential = Credential.longTerm(accessKeyId, iam.keys().newSecretAccessKey(),
                    new Principal(owner.type(), account, owner.arn(), owner.id(), accessKeyId));
            Instant now = iam.now();
            AccessKeyStore.create(tx, credential, now);
            return new Created(credential, owner.userName(), now);
        });
        return CreateAccessKeyResponse.builder().accessKey(AccessKey.builder()
                .userName(created.userName())
                .accessKeyId(created.credential().accessKeyId())
                .status(AccessKeyStatus.ACTIVE.wireName())
                .secretAccessKey(reveal(created.credential().secretAccessKey()))
                .createDate(created.when())
                .build()).build();
    }

    public ListAccessKeysResponse listAccessKeys(Caller caller, ListAccessKeysRequest request) {
        Validation validation = Constraints.name(Validation.check(), "userName", request.userName(),
                Constraints.EXISTING_USER_NAME_MAX);
        Constraints.paging(validation, request.marker(), request.maxItems()).orThrow();
        AccountId account = caller.account();
        caller.authorize("iam:ListAccessKeys", ownerArn(caller, request.userName()));
        record Listed(Owner owner, Paging.Result<AccessKeyInfo> page) {
        }
        Listed listed = iam.store().read(tx -> {
            Owner owner = requireOwner(tx, caller, request.userName());
            List<AccessKeyInfo> keys = AccessKeyStore.keysOf(tx, owner.type(), account, owner.id());
            return new Listed(owner, Paging.of(request.marker(), request.maxItems()).page(keys, AccessKeyInfo::accessKeyId));
        });
        return ListAccessKeysResponse.builder()
                .accessKeyMetadata(listed.page().items().stream().map(key -> AccessKeyMetadata.builder()
                        .userName(listed.owner().userName())
                        .accessKeyId(key.accessKeyId())
                        .status(key.status().wireName())
                        .createDate(key.created())
                        .build()).toList())
                .isTruncated(listed.page().truncated())
                .marker(listed.page().marker().orElse(null))
                .build();
    }

    /** Deactivating a key stops it authenticating at once; reactivating it restores it. */
    public UpdateAccessKeyResponse updateAccessKey(Caller caller, UpdateAccessKeyRequest request) {
        validateUserName(request.userName());
        Validation.check()
                .required("accessKeyId", request.accessKeyId())
                .string("accessKeyId", request.accessKeyId(), 16, 128, Constraints.ACCESS_KEY_ID)
                .required("status", request.statusAsString())
                .oneOf("status", request.statusAsString(), STATUSES)
                .orThrow();
        AccessKeyStatus status = AccessKeyStatus.fromWireName(request.statusAsString())
                .orElseThrow(() -> IamErrors.invalidInput("Access key status " + request.statusAsString()
                        + " cannot be set; use Active or Inactive."));
        caller.authorize("iam:UpdateAccessKey", ownerArn(caller, request.userName()));
        iam.store().write(tx -> {
            requireOwnKey(tx, caller, request.userName(), request.accessKeyId());
            return AccessKeyStore.setStatus(tx, request.accessKeyId(), status);
        });
        return UpdateAccessKeyResponse.builder().build();
    }

    public DeleteAccessKeyResponse deleteAccessKey(Caller caller, DeleteAccessKeyRequest request) {
        validateUserName(request.userName());
        Validation.check()
                .required("accessKeyId", request.accessKeyId())
                .string("accessKeyId", request.accessKeyId(), 16, 128, Constraints.ACCESS_KEY_ID)
                .orThrow();
        caller.authorize("iam:DeleteAccessKey", ownerArn(caller, request.userName()));
        iam.store().write(tx -> {
            requireOwnKey(tx, caller, request.userName(), request.accessKeyId());
            return AccessKeyStore.delete(tx, request.accessKeyId());
        });
        return DeleteAccessKeyResponse.builder().build();
    }

    /**
     * When and where a key of the caller's account was last used; "N/A" for service and region
     * when it never was, as AWS answers. Uses are recorded at most once a minute per key.
     */
    public GetAccessKeyLastUsedResponse getAccessKeyLastUsed(Caller caller, GetAccessKeyLastUsedRequest request) {
        Validation.check()
                .required("accessKeyId", request.accessKeyId())
                .string("accessKeyId", request.accessKeyId(), 16, 128, Constraints.ACCESS_KEY_ID)
                .orThrow();
        AccountId account = caller.account();
        Optional<AccessKeyInfo> key = iam.store().read(tx -> AccessKeyStore.describe(tx, request.accessKeyId()))
                .filter(info -> info.account().equals(account));
        caller.authorize("iam:GetAccessKeyLastUsed", key.map(AccessKeyInfo::ownerArn).orElse("*"));
        AccessKeyInfo info = key.orElseThrow(() -> noSuchKey(request.accessKeyId()));
        Optional<AccessKeyLastUse> lastUse = iam.store().read(tx -> AccessKeyStore.lastUsed(tx, info.accessKeyId()));
        return GetAccessKeyLastUsedResponse.builder()
                .userName(info.ownerType() == Principal.Type.ROOT ? "root" : Entities.nameInArn(info.ownerArn()))
                .accessKeyLastUsed(lastUse.map(use -> AccessKeyLastUsed.builder()
                                .lastUsedDate(use.when()).serviceName(use.service()).region(use.region()).build())
                        .orElseGet(() -> AccessKeyLastUsed.builder().serviceName("N/A").region("N/A").build()))
                .build();
    }

    private static void validateUserName(String userName) {
        Constraints.name(Validation.check(), "userName", userName, Constraints.EXISTING_USER_NAME_MAX).orThrow();
    }

    /** The ARN to authorize against, known before anyone says whether the user exists. */
    private String ownerArn(Caller caller, String userName) {
        Optional<String> name = Optional.ofNullable(userName).or(() -> Callers.callingUserName(caller));
        return name.map(n -> iam.store().read(tx -> USER.arnForName(tx, caller.account(), n)))
                .orElse(caller.principal().arn());
    }

    private static Owner requireOwner(ReadTransaction tx, Caller caller, String userName) {
        AccountId account = caller.account();
        Optional<String> name = Optional.ofNullable(userName).or(() -> Callers.callingUserName(caller));
        if (name.isEmpty()) {
            return new Owner(Principal.Type.ROOT, account.value(), caller.principal().arn(), null);
        }
        UserRecord user = USER.require(tx, account, name.get());
        return new Owner(Principal.Type.IAM_USER, user.userId(), USER.arn(account, user), user.userName());
    }

    /** The key, if it belongs to the owner the call names; otherwise AWS's "cannot be found". */
    private static void requireOwnKey(ReadTransaction tx, Caller caller, String userName, String accessKeyId) {
        Owner owner = requireOwner(tx, caller, userName);
        AccessKeyStore.describe(tx, accessKeyId)
                .filter(key -> key.ownerType() == owner.type() && key.ownerId().equals(owner.id())
                        && key.account().equals(caller.account()))
                .orElseThrow(() -> noSuchKey(accessKeyId));
    }

    private static AwsException noSuchKey(String accessKeyId) {
        return IamErrors.noSuchEntity("The Access Key with id " + accessKeyId + " cannot be found.");
    }

    /** The one place a secret access key becomes a string: the CreateAccessKey response. */
    private static String reveal(SecretBytes secret) {
        return new String(secret.toByteArray(InsecureSecretAccess.get()), StandardCharsets.US_ASCII);
    }
}
