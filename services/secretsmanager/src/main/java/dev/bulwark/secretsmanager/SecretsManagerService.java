package dev.bulwark.secretsmanager;

import dev.bulwark.core.service.AwsService;
import dev.bulwark.core.service.Operation;
import dev.bulwark.core.service.ServiceDescriptor;
import dev.bulwark.secretsmanager.internal.SecretsCore;
import dev.bulwark.secretsmanager.internal.lifecycle.SecretDeletion;
import dev.bulwark.secretsmanager.internal.lifecycle.SecretLifecycle;
import dev.bulwark.secretsmanager.internal.metadata.ResourcePolicies;
import dev.bulwark.secretsmanager.internal.metadata.SecretListing;
import dev.bulwark.secretsmanager.internal.metadata.SecretTagging;
import dev.bulwark.secretsmanager.internal.passwords.RandomPasswords;
import dev.bulwark.secretsmanager.internal.replication.Replication;
import dev.bulwark.secretsmanager.internal.rotation.RotationFunctions;
import dev.bulwark.secretsmanager.internal.rotation.RotationRunner;
import dev.bulwark.secretsmanager.internal.rotation.RotationRuns;
import dev.bulwark.secretsmanager.internal.rotation.Rotations;
import dev.bulwark.secretsmanager.internal.values.SecretValues;
import dev.bulwark.secretsmanager.internal.values.SecretVersions;
import java.util.List;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.CancelRotateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DeleteResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetRandomPasswordRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretVersionIdsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.PutResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.RemoveRegionsFromReplicationRequest;
import software.amazon.awssdk.services.secretsmanager.model.ReplicateSecretToRegionsRequest;
import software.amazon.awssdk.services.secretsmanager.model.RestoreSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.RotateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.StopReplicationToReplicaRequest;
import software.amazon.awssdk.services.secretsmanager.model.TagResourceRequest;
import software.amazon.awssdk.services.secretsmanager.model.UntagResourceRequest;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageRequest;
import software.amazon.awssdk.services.secretsmanager.model.ValidateResourcePolicyRequest;

/**
 * AWS Secrets Manager: the table of contents. Every operation of the API is listed below, in the
 * order of the API reference, with the family class that answers it; the families live in
 * {@code dev.bulwark.secretsmanager.internal.*} and share {@link SecretsCore}. It is made by
 * {@link SecretsManager}, which also owns the rotation runner and the job handlers.
 */
public final class SecretsManagerService implements AwsService {
    public static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.json11("secretsmanager", "secretsmanager", "2017-10-17");

    private final SecretLifecycle lifecycle;
    private final SecretDeletion deletion;
    private final SecretValues values;
    private final SecretVersions versions;
    private final SecretListing listing;
    private final SecretTagging tagging;
    private final ResourcePolicies policies;
    private final RandomPasswords passwords;
    private final Replication replication;
    private final Rotations rotations;

    SecretsManagerService(SecretsCore core, RotationRuns runs, RotationFunctions functions, RotationRunner runner) {
        this.lifecycle = new SecretLifecycle(core);
        this.deletion = new SecretDeletion(core);
        this.values = new SecretValues(core);
        this.versions = new SecretVersions(core);
        this.listing = new SecretListing(core);
        this.tagging = new SecretTagging(core);
        this.policies = new ResourcePolicies(core);
        this.passwords = new RandomPasswords(core);
        this.replication = new Replication(core);
        this.rotations = new Rotations(core, runs, functions, runner);
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Operation<?, ?>> operations() {
        return List.of(
                Operation.read("BatchGetSecretValue", BatchGetSecretValueRequest::builder, values::batchGetSecretValue),
                Operation.write("CancelRotateSecret", CancelRotateSecretRequest::builder, rotations::cancelRotateSecret),
                Operation.write("CreateSecret", CreateSecretRequest::builder, lifecycle::createSecret),
                Operation.write("DeleteResourcePolicy", DeleteResourcePolicyRequest::builder, policies::deleteResourcePolicy),
                Operation.write("DeleteSecret", DeleteSecretRequest::builder, deletion::deleteSecret),
                Operation.read("DescribeSecret", DescribeSecretRequest::builder, lifecycle::describeSecret),
                Operation.read("GetRandomPassword", GetRandomPasswordRequest::builder, passwords::getRandomPassword),
                Operation.read("GetResourcePolicy", GetResourcePolicyRequest::builder, policies::getResourcePolicy),
                Operation.read("GetSecretValue", GetSecretValueRequest::builder, values::getSecretValue),
                Operation.read("ListSecretVersionIds", ListSecretVersionIdsRequest::builder, versions::listSecretVersionIds),
                Operation.read("ListSecrets", ListSecretsRequest::builder, listing::listSecrets),
                Operation.write("PutResourcePolicy", PutResourcePolicyRequest::builder, policies::putResourcePolicy),
                Operation.write("PutSecretValue", PutSecretValueRequest::builder, values::putSecretValue),
                Operation.write("RemoveRegionsFromReplication", RemoveRegionsFromReplicationRequest::builder,
                        replication::removeRegionsFromReplication),
                Operation.write("ReplicateSecretToRegions", ReplicateSecretToRegionsRequest::builder, replication::replicateSecretToRegions),
                Operation.write("RestoreSecret", RestoreSecretRequest::builder, deletion::restoreSecret),
                Operation.write("RotateSecret", RotateSecretRequest::builder, rotations::rotateSecret),
                Operation.write("StopReplicationToReplica", StopReplicationToReplicaRequest::builder, replication::stopReplicationToReplica),
                Operation.write("TagResource", TagResourceRequest::builder, tagging::tagResource),
                Operation.write("UntagResource", UntagResourceRequest::builder, tagging::untagResource),
                Operation.write("UpdateSecret", UpdateSecretRequest::builder, lifecycle::updateSecret),
                Operation.write("UpdateSecretVersionStage", UpdateSecretVersionStageRequest::builder, versions::updateSecretVersionStage),
                Operation.read("ValidateResourcePolicy", ValidateResourcePolicyRequest::builder, policies::validateResourcePolicy));
    }

    SecretLifecycle lifecycle() {
        return lifecycle;
    }

    SecretValues values() {
        return values;
    }

    SecretVersions versions() {
        return versions;
    }
}
