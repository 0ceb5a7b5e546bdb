package dev.bulwark.kms;

import dev.bulwark.audit.AuditSink;
import dev.bulwark.core.service.AwsService;
import dev.bulwark.core.service.Operation;
import dev.bulwark.core.service.ServiceDescriptor;
import dev.bulwark.jobs.JobHandler;
import dev.bulwark.jobs.JobScheduler;
import dev.bulwark.kms.internal.KeyMaterials;
import dev.bulwark.kms.internal.KeyRotationSchedule;
import dev.bulwark.kms.internal.KmsCore;
import dev.bulwark.kms.internal.KmsRecords;
import dev.bulwark.kms.internal.MultiRegionFamily;
import dev.bulwark.kms.internal.aliases.Aliases;
import dev.bulwark.kms.internal.cryptography.Cryptography;
import dev.bulwark.kms.internal.cryptography.DataKeyPairs;
import dev.bulwark.kms.internal.cryptography.DataKeys;
import dev.bulwark.kms.internal.cryptography.Macs;
import dev.bulwark.kms.internal.cryptography.PublicKeys;
import dev.bulwark.kms.internal.cryptography.SharedSecrets;
import dev.bulwark.kms.internal.cryptography.Signatures;
import dev.bulwark.kms.internal.customkeystores.CustomKeyStores;
import dev.bulwark.kms.internal.grants.GrantCreation;
import dev.bulwark.kms.internal.grants.GrantListing;
import dev.bulwark.kms.internal.grants.GrantRetirement;
import dev.bulwark.kms.internal.imports.ImportTokenExpiryJob;
import dev.bulwark.kms.internal.imports.KeyMaterialExpiryJob;
import dev.bulwark.kms.internal.imports.KeyMaterialImport;
import dev.bulwark.kms.internal.lifecycle.KeyCreation;
import dev.bulwark.kms.internal.lifecycle.KeyDeletion;
import dev.bulwark.kms.internal.lifecycle.KeyDeletionJob;
import dev.bulwark.kms.internal.lifecycle.KeyLifecycle;
import dev.bulwark.kms.internal.siblings.SiblingKmsApi;
import dev.bulwark.kms.internal.policies.KeyPolicyAdministration;
import dev.bulwark.kms.internal.replication.MultiRegionKeys;
import dev.bulwark.kms.internal.replication.ReplicaCreationJob;
import dev.bulwark.kms.internal.rotation.KeyRotation;
import dev.bulwark.kms.internal.rotation.KeyRotationJob;
import dev.bulwark.kms.internal.rotation.KeyRotationListing;
import dev.bulwark.kms.internal.tags.Tagging;
import dev.bulwark.store.Store;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.kms.model.CancelKeyDeletionRequest;
import software.amazon.awssdk.services.kms.model.ConnectCustomKeyStoreRequest;
import software.amazon.awssdk.services.kms.model.CreateAliasRequest;
import software.amazon.awssdk.services.kms.model.CreateCustomKeyStoreRequest;
import software.amazon.awssdk.services.kms.model.CreateGrantRequest;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.DeleteAliasRequest;
import software.amazon.awssdk.services.kms.model.DeleteCustomKeyStoreRequest;
import software.amazon.awssdk.services.kms.model.DeleteImportedKeyMaterialRequest;
import software.amazon.awssdk.services.kms.model.DeriveSharedSecretRequest;
import software.amazon.awssdk.services.kms.model.DescribeCustomKeyStoresRequest;
import software.amazon.awssdk.services.kms.model.DescribeKeyRequest;
import software.amazon.awssdk.services.kms.model.DisableKeyRequest;
import software.amazon.awssdk.services.kms.model.DisableKeyRotationRequest;
import software.amazon.awssdk.services.kms.model.DisconnectCustomKeyStoreRequest;
import software.amazon.awssdk.services.kms.model.EnableKeyRequest;
import software.amazon.awssdk.services.kms.model.EnableKeyRotationRequest;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyPairRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyPairWithoutPlaintextRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyWithoutPlaintextRequest;
import software.amazon.awssdk.services.kms.model.GenerateMacRequest;
import software.amazon.awssdk.services.kms.model.GenerateRandomRequest;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyRequest;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusRequest;
import software.amazon.awssdk.services.kms.model.GetParametersForImportRequest;
import software.amazon.awssdk.services.kms.model.GetPublicKeyRequest;
import software.amazon.awssdk.services.kms.model.ImportKeyMaterialRequest;
import software.amazon.awssdk.services.kms.model.ListAliasesRequest;
import software.amazon.awssdk.services.kms.model.ListGrantsRequest;
import software.amazon.awssdk.services.kms.model.ListKeyPoliciesRequest;
import software.amazon.awssdk.services.kms.model.ListKeyRotationsRequest;
import software.amazon.awssdk.services.kms.model.ListKeysRequest;
import software.amazon.awssdk.services.kms.model.ListResourceTagsRequest;
import software.amazon.awssdk.services.kms.model.ListRetirableGrantsRequest;
import software.amazon.awssdk.services.kms.model.PutKeyPolicyRequest;
import software.amazon.awssdk.services.kms.model.ReEncryptRequest;
import software.amazon.awssdk.services.kms.model.ReplicateKeyRequest;
import software.amazon.awssdk.services.kms.model.RetireGrantRequest;
import software.amazon.awssdk.services.kms.model.RevokeGrantRequest;
import software.amazon.awssdk.services.kms.model.RotateKeyOnDemandRequest;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionRequest;
import software.amazon.awssdk.services.kms.model.SignRequest;
import software.amazon.awssdk.services.kms.model.TagResourceRequest;
import software.amazon.awssdk.services.kms.model.UntagResourceRequest;
import software.amazon.awssdk.services.kms.model.UpdateAliasRequest;
import software.amazon.awssdk.services.kms.model.UpdateCustomKeyStoreRequest;
import software.amazon.awssdk.services.kms.model.UpdateKeyDescriptionRequest;
import software.amazon.awssdk.services.kms.model.UpdatePrimaryRegionRequest;
import software.amazon.awssdk.services.kms.model.VerifyMacRequest;
import software.amazon.awssdk.services.kms.model.VerifyRequest;

/**
 * AWS Key Management Service: the table of contents. Every operation served is listed below in
 * the order of the KMS API reference, with the family class that answers it; the families live
 * in {@code dev.bulwark.kms.internal.*} and share {@link KmsCore}.
 *
 * <p>Adding an operation family: create its class under {@code internal/<family>/} with a
 * {@code (KmsCore core)} constructor, declare any new namespace in {@code KmsSchema}, construct
 * it here and list its operations in the table. CloudTrail's {@code readOnly} follows AWS:
 * cryptographic operations and reads are {@link Operation#read}, changes {@link Operation#write}.
 *
 * <p>{@link #api()} is the Java API sibling services (Parameter Store, Secrets Manager) call on
 * their callers' behalf; it runs the same handlers and records each call in the audit trail.
 *
 * <p>Construction only wires objects; the store is first touched by the first call.
 */
public final class KmsService implements AwsService {
    public static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.json11("kms", "TrentService", "2014-11-01");

    private final KeyCreation creation;
    private final KeyLifecycle lifecycle;
    private final KeyDeletion deletion;
    private final Aliases aliases;
    private final Cryptography cryptography;
    private final DataKeys dataKeys;
    private final DataKeyPairs dataKeyPairs;
    private final PublicKeys publicKeys;
    private final Signatures signatures;
    private final Macs macs;
    private final SharedSecrets sharedSecrets;
    private final GrantCreation grantCreation;
    private final GrantListing grantListing;
    private final GrantRetirement grantRetirement;
    private final KeyPolicyAdministration keyPolicies;
    private final Tagging tagging;
    private final KeyRotation rotation;
    private final KeyRotationListing rotationListing;
    private final KeyMaterialImport imports;
    private final MultiRegionKeys multiRegionKeys;
    private final CustomKeyStores customKeyStores;
    private final KmsApi api;

    /**
     * @param jobsDueNow makes the server's job runner look for due jobs at once ({@code JobRunner::wakeUp})
     * @param audit      where the calls sibling services make through {@link #api()} are recorded
     */
    public KmsService(Store store, JobScheduler jobs, Runnable jobsDueNow, AuditSink audit, Clock clock,
            SecureRandom random) {
        KmsCore core = KmsCore.create(store, jobs, jobsDueNow, clock, random);
        this.creation = new KeyCreation(core);
        this.lifecycle = new KeyLifecycle(core);
        this.deletion = new KeyDeletion(core);
        this.aliases = new Aliases(core);
        this.cryptography = new Cryptography(core);
        this.dataKeys = new DataKeys(core);
        this.dataKeyPairs = new DataKeyPairs(core);
        this.publicKeys = new PublicKeys(core);
        this.grantCreation = new GrantCreation(core);
        this.grantListing = new GrantListing(core);
        this.grantRetirement = new GrantRetirement(core);
        this.keyPolicies = new KeyPolicyAdministration(core);
        this.tagging = new Tagging(core);
        this.rotation = new KeyRotation(core);
        this.rotationListing = new KeyRotationListing(core);
        this.imports = new KeyMaterialImport(core);
        this.multiRegionKeys = new MultiRegionKeys(core);
        this.customKeyStores = new CustomKeyStores();
        this.signatures = new Signatures(core);
        this.macs = new Macs(core);
        this.sharedSecrets = new SharedSecrets(core);
        this.api = new SiblingKmsApi(DESCRIPTOR, cryptography, dataKeys, lifecycle, audit, clock);
    }

    /** What Parameter Store and Secrets Manager ask of KMS for their callers. */
    public KmsApi api() {
        return api;
    }

    /**
     * The durable jobs KMS schedules, by job type, for the server to register with its job runner
     * at start-up (before any KMS call, since jobs outlive restarts). {@code jobs} is the scheduler
     * the service is given: some jobs schedule their next run (automatic rotation).
     */
    public static Map<String, JobHandler> jobHandlers(JobScheduler jobs, Clock clock, SecureRandom random) {
        KmsRecords records = new KmsRecords(clock);
        MultiRegionFamily multiRegionFamily = new MultiRegionFamily(records);
        return Map.of(
                KeyDeletionJob.TYPE, new KeyDeletionJob(records, multiRegionFamily, jobs),
                KeyRotationSchedule.JOB_TYPE, new KeyRotationJob(records, new KeyMaterials(clock, random),
                        new KeyRotationSchedule(jobs), multiRegionFamily, clock),
                KeyMaterialExpiryJob.TYPE, new KeyMaterialExpiryJob(records, multiRegionFamily, jobs),
                ImportTokenExpiryJob.TYPE, new ImportTokenExpiryJob(),
                ReplicaCreationJob.TYPE, new ReplicaCreationJob(records, multiRegionFamily));
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Operation<?, ?>> operations() {
        return List.of(
                Operation.write("CancelKeyDeletion", CancelKeyDeletionRequest::builder, deletion::cancelKeyDeletion),
                Operation.write("ConnectCustomKeyStore", ConnectCustomKeyStoreRequest::builder, customKeyStores::connectCustomKeyStore),
                Operation.write("CreateAlias", CreateAliasRequest::builder, aliases::createAlias),
                Operation.write("CreateCustomKeyStore", CreateCustomKeyStoreRequest::builder, customKeyStores::createCustomKeyStore),
                Operation.write("CreateGrant", CreateGrantRequest::builder, grantCreation::createGrant),
                Operation.write("CreateKey", CreateKeyRequest::builder, creation::createKey),
                Operation.read("Decrypt", DecryptRequest::builder, cryptography::decrypt),
                Operation.write("DeleteAlias", DeleteAliasRequest::builder, aliases::deleteAlias),
                Operation.write("DeleteCustomKeyStore", DeleteCustomKeyStoreRequest::builder, customKeyStores::deleteCustomKeyStore),
                Operation.write("DeleteImportedKeyMaterial", DeleteImportedKeyMaterialRequest::builder,
                        imports::deleteImportedKeyMaterial),
                Operation.read("DeriveSharedSecret", DeriveSharedSecretRequest::builder, sharedSecrets::deriveSharedSecret),
                Operation.read("DescribeCustomKeyStores", DescribeCustomKeyStoresRequest::builder,
                        customKeyStores::describeCustomKeyStores),
                Operation.read("DescribeKey", DescribeKeyRequest::builder, lifecycle::describeKey),
                Operation.write("DisableKey", DisableKeyRequest::builder, lifecycle::disableKey),
                Operation.write("DisableKeyRotation", DisableKeyRotationRequest::builder, rotation::disableKeyRotation),
                Operation.write("DisconnectCustomKeyStore", DisconnectCustomKeyStoreRequest::builder,
                        customKeyStores::disconnectCustomKeyStore),
                Operation.write("EnableKey", EnableKeyRequest::builder, lifecycle::enableKey),
                Operation.write("EnableKeyRotation", EnableKeyRotationRequest::builder, rotation::enableKeyRotation),
                Operation.read("Encrypt", EncryptRequest::builder, cryptography::encrypt),
                Operation.read("GenerateDataKey", GenerateDataKeyRequest::builder, dataKeys::generateDataKey),
                Operation.read("GenerateDataKeyPair", GenerateDataKeyPairRequest::builder, dataKeyPairs::generateDataKeyPair),
                Operation.read("GenerateDataKeyPairWithoutPlaintext", GenerateDataKeyPairWithoutPlaintextRequest::builder,
                        dataKeyPairs::generateDataKeyPairWithoutPlaintext),
                Operation.read("GenerateDataKeyWithoutPlaintext", GenerateDataKeyWithoutPlaintextRequest::builder,
                        dataKeys::generateDataKeyWithoutPlaintext),
                Operation.read("GenerateMac", GenerateMacRequest::builder, macs::generateMac),
                Operation.read("GenerateRandom", GenerateRandomRequest::builder, dataKeys::generateRandom),
                Operation.read("GetKeyPolicy", GetKeyPolicyRequest::builder, keyPolicies::getKeyPolicy),
                Operation.read("GetKeyRotationStatus", GetKeyRotationStatusRequest::builder, rotation::getKeyRotationStatus),
                Operation.read("GetParametersForImport", GetParametersForImportRequest::builder, imports::getParametersForImport),
                Operation.read("GetPublicKey", GetPublicKeyRequest::builder, publicKeys::getPublicKey),
                Operation.write("ImportKeyMaterial", ImportKeyMaterialRequest::builder, imports::importKeyMaterial),
                Operation.read("ListAliases", ListAliasesRequest::builder, aliases::listAliases),
                Operation.read("ListGrants", ListGrantsRequest::builder, grantListing::listGrants),
                Operation.read("ListKeyPolicies", ListKeyPoliciesRequest::builder, keyPolicies::listKeyPolicies),
                Operation.read("ListKeyRotations", ListKeyRotationsRequest::builder, rotationListing::listKeyRotations),
                Operation.read("ListKeys", ListKeysRequest::builder, lifecycle::listKeys),
                Operation.read("ListResourceTags", ListResourceTagsRequest::builder, tagging::listResourceTags),
                Operation.read("ListRetirableGrants", ListRetirableGrantsRequest::builder, grantListing::listRetirableGrants),
                Operation.write("PutKeyPolicy", PutKeyPolicyRequest::builder, keyPolicies::putKeyPolicy),
                Operation.read("ReEncrypt", ReEncryptRequest::builder, cryptography::reEncrypt),
                Operation.write("ReplicateKey", ReplicateKeyRequest::builder, multiRegionKeys::replicateKey),
                Operation.write("RetireGrant", RetireGrantRequest::builder, grantRetirement::retireGrant),
                Operation.write("RevokeGrant", RevokeGrantRequest::builder, grantRetirement::revokeGrant),
                Operation.write("RotateKeyOnDemand", RotateKeyOnDemandRequest::builder, rotation::rotateKeyOnDemand),
                Operation.write("ScheduleKeyDeletion", ScheduleKeyDeletionRequest::builder, deletion::scheduleKeyDeletion),
                Operation.read("Sign", SignRequest::builder, signatures::sign),
                Operation.write("TagResource", TagResourceRequest::builder, tagging::tagResource),
                Operation.write("UntagResource", UntagResourceRequest::builder, tagging::untagResource),
                Operation.write("UpdateAlias", UpdateAliasRequest::builder, aliases::updateAlias),
                Operation.write("UpdateCustomKeyStore", UpdateCustomKeyStoreRequest::builder, customKeyStores::updateCustomKeyStore),
                Operation.write("UpdateKeyDescription", UpdateKeyDescriptionRequest::builder, lifecycle::updateKeyDescription),
                Operation.write("UpdatePrimaryRegion", UpdatePrimaryRegionRequest::builder, multiRegionKeys::updatePrimaryRegion),
                Operation.read("Verify", VerifyRequest::builder, signatures::verify),
                Operation.read("VerifyMac", VerifyMacRequest::builder, macs::verifyMac));
    }
}
