package dev.bulwark.secretsmanager.internal.rotation.database;

import dev.bulwark.core.call.Caller;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageRequest;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageResponse;

/**
 * The Secrets Manager operations a built-in rotator uses, the same ones AWS's rotation Lambda
 * templates call, answered in-process by the service's own handlers (so they are authorized and
 * encrypted exactly as API calls are).
 */
public interface SecretsApi {
    GetSecretValueResponse getSecretValue(Caller caller, GetSecretValueRequest request);

    PutSecretValueResponse putSecretValue(Caller caller, PutSecretValueRequest request);

    DescribeSecretResponse describeSecret(Caller caller, DescribeSecretRequest request);

    UpdateSecretVersionStageResponse updateSecretVersionStage(Caller caller, UpdateSecretVersionStageRequest request);
}
