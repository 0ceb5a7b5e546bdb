package dev.bulwark.protocol;

import dev.bulwark.core.service.AwsService;
import dev.bulwark.core.service.Operation;
import dev.bulwark.core.service.ServiceDescriptor;
import dev.bulwark.core.wire.WireRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.CreateUserResponse;
import software.amazon.awssdk.services.iam.model.DeleteUserRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserResponse;
import software.amazon.awssdk.services.iam.model.ListUsersRequest;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;

/** Small service tables over real SDK request types; the handlers are never called here. */
public final class TestServices {
    public static final ServiceDescriptor KMS = ServiceDescriptor.json11("kms", "TrentService", "2014-11-01");
    public static final ServiceDescriptor IAM =
            ServiceDescriptor.query("iam", "2010-05-08", "https://iam.amazonaws.com/doc/2010-05-08/");
    public static final ServiceDescriptor STS =
            ServiceDescriptor.query("sts", "2011-06-15", "https://sts.amazonaws.com/doc/2011-06-15/");

    public static final Operation<EncryptRequest, EncryptResponse> ENCRYPT =
            Operation.write("Encrypt", EncryptRequest::builder, (caller, request) -> EncryptResponse.builder().build());
    public static final Operation<CreateUserRequest, CreateUserResponse> CREATE_USER =
            Operation.write("CreateUser", CreateUserRequest::builder,
                    (caller, request) -> CreateUserResponse.builder().build());
    public static final Operation<DeleteUserRequest, DeleteUserResponse> DELETE_USER =
            Operation.write("DeleteUser", DeleteUserRequest::builder,
                    (caller, request) -> DeleteUserResponse.builder().build());
    public static final Operation<ListUsersRequest, ListUsersResponse> LIST_USERS =
            Operation.read("ListUsers", ListUsersRequest::builder,
                    (caller, request) -> ListUsersResponse.builder().build());
    public static final Operation<AssumeRoleRequest, AssumeRoleResponse> ASSUME_ROLE =
            Operation.write("AssumeRole", AssumeRoleRequest::builder,
                    (caller, request) -> AssumeRoleResponse.builder().build());

    private TestServices() {
    }

    public static OperationTable kms() {
        return table(KMS, ENCRYPT);
    }

    public static OperationTable iam() {
        return table(IAM, CREATE_USER, DELETE_USER, LIST_USERS);
    }

    public static OperationTable sts() {
        return table(STS, ASSUME_ROLE);
    }

    private static OperationTable table(ServiceDescriptor descriptor, Operation<?, ?>... operations) {
        return OperationTable.of(new AwsService() {
            @Override
            public ServiceDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public List<Operation<?, ?>> operations() {
                return List.of(operations);
            }
        });
    }

    public static WireRequest post(Map<String, List<String>> headers, String body) {
        return new WireRequest("POST", "/", "", headers, body.getBytes(StandardCharsets.UTF_8), "127.0.0.1", false);
    }
}
