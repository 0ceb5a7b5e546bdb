package dev.bulwark.iam;

import dev.bulwark.core.service.AwsService;
import dev.bulwark.core.service.Operation;
import dev.bulwark.core.service.ServiceDescriptor;
import dev.bulwark.iam.internal.AccessKeyOperations;
import dev.bulwark.iam.internal.GroupOperations;
import dev.bulwark.iam.internal.IamContext;
import dev.bulwark.iam.internal.InlinePolicyOperations;
import dev.bulwark.iam.internal.ManagedPolicyOperations;
import dev.bulwark.iam.internal.PolicyAttachmentOperations;
import dev.bulwark.iam.internal.RoleOperations;
import dev.bulwark.iam.internal.SimulationOperations;
import dev.bulwark.iam.internal.TagOperations;
import dev.bulwark.iam.internal.UserOperations;
import dev.bulwark.store.Store;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.services.iam.model.AddUserToGroupRequest;
import software.amazon.awssdk.services.iam.model.AttachGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.CreateGroupRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.DeleteAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.DeleteGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteGroupRequest;
import software.amazon.awssdk.services.iam.model.DeletePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeletePolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteRoleRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserRequest;
import software.amazon.awssdk.services.iam.model.DetachGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DetachUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedRequest;
import software.amazon.awssdk.services.iam.model.GetGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetGroupRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.GetRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.GetRoleRequest;
import software.amazon.awssdk.services.iam.model.GetUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetUserRequest;
import software.amazon.awssdk.services.iam.model.ListAccessKeysRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedGroupPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedUserPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListGroupPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListGroupsForUserRequest;
import software.amazon.awssdk.services.iam.model.ListGroupsRequest;
import software.amazon.awssdk.services.iam.model.ListPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListPolicyVersionsRequest;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListRoleTagsRequest;
import software.amazon.awssdk.services.iam.model.ListRolesRequest;
import software.amazon.awssdk.services.iam.model.ListUserPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListUserTagsRequest;
import software.amazon.awssdk.services.iam.model.ListUsersRequest;
import software.amazon.awssdk.services.iam.model.PutGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.PutRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.PutUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.RemoveUserFromGroupRequest;
import software.amazon.awssdk.services.iam.model.SetDefaultPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyRequest;
import software.amazon.awssdk.services.iam.model.TagRoleRequest;
import software.amazon.awssdk.services.iam.model.TagUserRequest;
import software.amazon.awssdk.services.iam.model.UntagRoleRequest;
import software.amazon.awssdk.services.iam.model.UntagUserRequest;
import software.amazon.awssdk.services.iam.model.UpdateAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.UpdateAssumeRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.UpdateUserRequest;

/**
 * AWS Identity and Access Management: users, access keys, groups, roles, inline and managed
 * policies, tags, and the policy simulator. The table below lists the operations served, in the order of the IAM API
 * reference; each family of operations lives in its own class in {@code .internal}.
 *
 * <p>IAM is global: its resources belong to an account, not a region, and its ARNs have no
 * region ({@code arn:aws:iam::111122223333:user/alice}). Requests may be signed for any region
 * (AWS's SDKs sign IAM for us-east-1).
 */
public final class IamService implements AwsService {
    public static final ServiceDescriptor DESCRIPTOR =
            ServiceDescriptor.query("iam", "2010-05-08", "https://iam.amazonaws.com/doc/2010-05-08/");

    private final UserOperations users;
    private final AccessKeyOperations accessKeys;
    private final GroupOperations groups;
    private final RoleOperations roles;
    private final InlinePolicyOperations inlinePolicies;
    private final ManagedPolicyOperations managedPolicies;
    private final PolicyAttachmentOperations attachments;
    private final TagOperations tags;
    private final SimulationOperations simulations;

    public IamService(Store store, Clock clock, SecureRandom random) {
        IamContext iam = new IamContext(store, clock, random);
        this.users = new UserOperations(iam);
        this.accessKeys = new AccessKeyOperations(iam);
        this.groups = new GroupOperations(iam);
        this.roles = new RoleOperations(iam);
        this.inlinePolicies = new InlinePolicyOperations(iam);
        this.managedPolicies = new ManagedPolicyOperations(iam);
        this.attachments = new PolicyAttachmentOperations(iam);
        this.tags = new TagOperations(iam);
        this.simulations = new SimulationOperations(iam);
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Operation<?, ?>> operations() {
        return List.of(
                Operation.write("AddUserToGroup", AddUserToGroupRequest::builder, groups::addUserToGroup),
                Operation.write("AttachGroupPolicy", AttachGroupPolicyRequest::builder, attachments::attachGroupPolicy),
                Operation.write("AttachRolePolicy", AttachRolePolicyRequest::builder, attachments::attachRolePolicy),
                Operation.write("AttachUserPolicy", AttachUserPolicyRequest::builder, attachments::attachUserPolicy),
                Operation.write("CreateAccessKey", CreateAccessKeyRequest::builder, accessKeys::createAccessKey),
                Operation.write("CreateGroup", CreateGroupRequest::builder, groups::createGroup),
                Operation.write("CreatePolicy", CreatePolicyRequest::builder, managedPolicies::createPolicy),
                Operation.write("CreatePolicyVersion", CreatePolicyVersionRequest::builder, managedPolicies::createPolicyVersion),
                Operation.write("CreateRole", CreateRoleRequest::builder, roles::createRole),
                Operation.write("CreateUser", CreateUserRequest::builder, users::createUser),
                Operation.write("DeleteAccessKey", DeleteAccessKeyRequest::builder, accessKeys::deleteAccessKey),
                Operation.write("DeleteGroup", DeleteGroupRequest::builder, groups::deleteGroup),
                Operation.write("DeleteGroupPolicy", DeleteGroupPolicyRequest::builder, inlinePolicies::deleteGroupPolicy),
                Operation.write("DeletePolicy", DeletePolicyRequest::builder, managedPolicies::deletePolicy),
                Operation.write("DeletePolicyVersion", DeletePolicyVersionRequest::builder, managedPolicies::deletePolicyVersion),
                Operation.write("DeleteRole", DeleteRoleRequest::builder, roles::deleteRole),
                Operation.write("DeleteRolePolicy", DeleteRolePolicyRequest::builder, inlinePolicies::deleteRolePolicy),
                Operation.write("DeleteUser", DeleteUserRequest::builder, users::deleteUser),
                Operation.write("DeleteUserPolicy", DeleteUserPolicyRequest::builder, inlinePolicies::deleteUserPolicy),
                Operation.write("DetachGroupPolicy", DetachGroupPolicyRequest::builder, attachments::detachGroupPolicy),
                Operation.write("DetachRolePolicy", DetachRolePolicyRequest::builder, attachments::detachRolePolicy),
                Operation.write("DetachUserPolicy", DetachUserPolicyRequest::builder, attachments::detachUserPolicy),
                Operation.read("GetAccessKeyLastUsed", GetAccessKeyLastUsedRequest::builder, accessKeys::getAccessKeyLastUsed),
                Operation.read("GetGroup", GetGroupRequest::builder, groups::getGroup),
                Operation.read("GetGroupPolicy", GetGroupPolicyRequest::builder, inlinePolicies::getGroupPolicy),
                Operation.read("GetPolicy", GetPolicyRequest::builder, managedPolicies::getPolicy),
                Operation.read("GetPolicyVersion", GetPolicyVersionRequest::builder, managedPolicies::getPolicyVersion),
                Operation.read("GetRole", GetRoleRequest::builder, roles::getRole),
                Operation.read("GetRolePolicy", GetRolePolicyRequest::builder, inlinePolicies::getRolePolicy),
                Operation.read("GetUser", GetUserRequest::builder, users::getUser),
                Operation.read("GetUserPolicy", GetUserPolicyRequest::builder, inlinePolicies::getUserPolicy),
                Operation.read("ListAccessKeys", ListAccessKeysRequest::builder, accessKeys::listAccessKeys),
                Operation.read("ListAttachedGroupPolicies", ListAttachedGroupPoliciesRequest::builder, attachments::listAttachedGroupPolicies),
                Operation.read("ListAttachedRolePolicies", ListAttachedRolePoliciesRequest::builder, attachments::listAttachedRolePolicies),
                Operation.read("ListAttachedUserPolicies", ListAttachedUserPoliciesRequest::builder, attachments::listAttachedUserPolicies),
                Operation.read("ListGroupPolicies", ListGroupPoliciesRequest::builder, inlinePolicies::listGroupPolicies),
                Operation.read("ListGroups", ListGroupsRequest::builder, groups::listGroups),
                Operation.read("ListGroupsForUser", ListGroupsForUserRequest::builder, groups::listGroupsForUser),
                Operation.read("ListPolicies", ListPoliciesRequest::builder, managedPolicies::listPolicies),
                Operation.read("ListPolicyVersions", ListPolicyVersionsRequest::builder, managedPolicies::listPolicyVersions),
                Operation.read("ListRolePolicies", ListRolePoliciesRequest::builder, inlinePolicies::listRolePolicies),
                Operation.read("ListRoleTags", ListRoleTagsRequest::builder, tags::listRoleTags),
                Operation.read("ListRoles", ListRolesRequest::builder, roles::listRoles),
                Operation.read("ListUserPolicies", ListUserPoliciesRequest::builder, inlinePolicies::listUserPolicies),
                Operation.read("ListUserTags", ListUserTagsRequest::builder, tags::listUserTags),
                Operation.read("ListUsers", ListUsersRequest::builder, users::listUsers),
                Operation.write("PutGroupPolicy", PutGroupPolicyRequest::builder, inlinePolicies::putGroupPolicy),
                Operation.write("PutRolePolicy", PutRolePolicyRequest::builder, inlinePolicies::putRolePolicy),
                Operation.write("PutUserPolicy", PutUserPolicyRequest::builder, inlinePolicies::putUserPolicy),
                Operation.write("RemoveUserFromGroup", RemoveUserFromGroupRequest::builder, groups::removeUserFromGroup),
                Operation.write("SetDefaultPolicyVersion", SetDefaultPolicyVersionRequest::builder, managedPolicies::setDefaultPolicyVersion),
                Operation.read("SimulateCustomPolicy", SimulateCustomPolicyRequest::builder, simulations::simulateCustomPolicy),
                Operation.read("SimulatePrincipalPolicy", SimulatePrincipalPolicyRequest::builder, simulations::simulatePrincipalPolicy),
                Operation.write("TagRole", TagRoleRequest::builder, tags::tagRole),
                Operation.write("TagUser", TagUserRequest::builder, tags::tagUser),
                Operation.write("UntagRole", UntagRoleRequest::builder, tags::untagRole),
                Operation.write("UntagUser", UntagUserRequest::builder, tags::untagUser),
                Operation.write("UpdateAccessKey", UpdateAccessKeyRequest::builder, accessKeys::updateAccessKey),
                Operation.write("UpdateAssumeRolePolicy", UpdateAssumeRolePolicyRequest::builder, roles::updateAssumeRolePolicy),
                Operation.write("UpdateUser", UpdateUserRequest::builder, users::updateUser));
    }
}
