package dev.bulwark.kms.internal.replication;

import dev.bulwark.core.CommonErrors;
import dev.bulwark.core.Region;
import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import dev.bulwark.jobs.JobScheduler;
import dev.bulwark.kms.internal.KeyAccess;
import dev.bulwark.kms.internal.KeyManager;
import dev.bulwark.kms.internal.KeyMetadataMapper;
import dev.bulwark.kms.internal.KeyPolicies;
import dev.bulwark.kms.internal.KeyPolicyValidator;
import dev.bulwark.kms.internal.KeyRecord;
import dev.bulwark.kms.internal.KeyRecord.KeyTag;
import dev.bulwark.kms.internal.KeyRotationSchedule;
import dev.bulwark.kms.internal.KeyState;
import dev.bulwark.kms.internal.KeyTags;
import dev.bulwark.kms.internal.KmsConditions;
import dev.bulwark.kms.internal.KmsCore;
import dev.bulwark.kms.internal.KmsErrors;
import dev.bulwark.kms.internal.KmsKey;
import dev.bulwark.kms.internal.KmsRecords;
import dev.bulwark.kms.internal.KmsScope;
import dev.bulwark.kms.internal.KmsTransactions;
import dev.bulwark.kms.internal.MultiRegionFamily;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.kms.model.ReplicateKeyRequest;
import software.amazon.awssdk.services.kms.model.ReplicateKeyResponse;
import software.amazon.awssdk.services.kms.model.Tag;
import software.amazon.awssdk.services.kms.model.UpdatePrimaryRegionRequest;
import software.amazon.awssdk.services.kms.model.UpdatePrimaryRegionResponse;

/**
 * ReplicateKey and UpdatePrimaryRegion: the members of a multi-Region key ({@code mrk-} id) across
 * the regions of one account. Every region of an account is served by the same Bulwark, its keys
 * in a store scope of their own, so a replica is a key record with the same id in the replica
 * region's scope; the family's layout (primary region, replica regions) is kept in every member
 * and changed in all of them in one transaction ({@link MultiRegionFamily}).
 *
 * <ul>
 *   <li>ReplicateKey creates the replica in state Creating with its own description, policy (AWS's
 *       default policy when none is given) and tags, and a durable job then copies the primary's
 *       material into it ({@link ReplicaCreationJob}); the answer shows the replica as Creating,
 *       as AWS's does. Only a primary replicates, one replica per region.</li>
 *   <li>UpdatePrimaryRegion swaps the roles of the primary and one replica in one transaction (AWS
 *       passes through a transient Updating state; here the change is atomic). The shared rotation
 *       settings move to the new primary.</li>
 * </ul>
 */
public final class MultiRegionKeys {
    private static final Pattern REGION = Pattern.compile("^([a-z]+-){2,3}\\d+$");
    private static final Set<KeyState> REPLICABLE = EnumSet.of(KeyState.Enabled, KeyState.PendingImport);

    private final KmsTransactions transactions;
    private final KmsRecords records;
    private final KeyAccess access;
    private final MultiRegionFamily multiRegionFamily;
    private final KeyRotationSchedule rotations;
    private final JobScheduler jobs;
    private final Runnable jobsDueNow;
    private final Clock clock;

    public MultiRegionKeys(KmsCore core) {
        this.transactions = core.transactions();
        this.records = core.records();
        this.access = core.access();
        this.multiRegionFamily = core.multiRegionFamily();
        this.rotations = core.rotations();
        this.jobs = core.jobs();
        this.jobsDueNow = core.jobsDueNow();
        this.clock = core.clock();
    }

    public ReplicateKeyResponse replicateKey(Caller caller, ReplicateKeyRequest request) {
        Validation.check()
                .requiredText("keyId", request.keyId(), 1, 2048)
                .requiredText("replicaRegion", request.replicaRegion(), 1, 32)
                .pattern("replicaRegion", request.replicaRegion(), REGION)
                .length("policy", request.policy(), 1, KeyPolicyValidator.MAX_POLICY_LENGTH)
                .pattern("policy", request.policy(), KeyPolicyValidator.POLICY_CHARACTERS)
                .length("description", request.description(), 0, 8192)
                .orThrow();
        List<KeyTag> tags = KeyTags.validate(request.hasTags() ? request.tags() : null);
        Region replicaRegion = region(request.replicaRegion());
        KmsKey replica = transactions.write(tx -> {
            KmsKey primary = access.forManagement(tx, caller, request.keyId(), "kms:ReplicateKey",
                    conditions -> conditions.put("kms:ReplicaRegion", replicaRegion.name()));
            if (!MultiRegionFamily.isPrimary(primary)) {
                throw KmsErrors.notMultiRegionPrimary(primary.arn());
            }
            requireUsable(primary, REPLICABLE);
            KmsScope replicaScope = primary.scope().inRegion(replicaRegion);
            KeyRecord.MultiRegion layout = primary.record().multiRegion();
            if (layout.primaryRegion().equals(replicaRegion.name()) || layout.replicaRegions().contains(replicaRegion.name())
                    || records.findKey(tx, replicaScope, primary.keyId()).isPresent()) {
                throw KmsErrors.alreadyExists(replicaScope.keyArn(primary.keyId()) + " already exists.");
            }
            authorizeCreation(caller, primary, tags);
            // A key of that id whose deletion date has passed but whose records the deletion job has
            // not removed yet must not leave anything behind in the new replica.
            records.findKeyRecord(tx, replicaScope, primary.keyId()).ifPresent(gone -> records.purgeKey(tx, replicaScope, gone.keyId()));

            List<String> replicaRegions = new ArrayList<>(layout.replicaRegions());
            replicaRegions.add(replicaRegion.name());
            KeyRecord.MultiRegion grown = new KeyRecord.MultiRegion(layout.primaryRegion(), replicaRegions);
            String policy = request.policy() == null ? KeyPolicies.defaultPolicy(replicaScope)
                    : KeyPolicyValidator.validate(caller, replicaScope.keyArn(primary.keyId()), request.policy(),
                            Boolean.TRUE.equals(request.bypassPolicyLockoutSafetyCheck()), KmsConditions.of(caller));
            Instant now = clock.instant();
            KmsKey created = new KmsKey(replicaScope, new KeyRecord(primary.keyId(), now, KeyState.Creating, request.description(),
                    primary.spec(), primary.usage(), primary.record().origin(), KeyManager.CUSTOMER, grown, null, null, policy, tags,
                    null));
            List<KmsKey> family = new ArrayList<>(multiRegionFamily.others(tx, primary));
            family.add(primary);
            multiRegionFamily.putLayout(tx, family, grown);
            records.putKey(tx, created);
            jobs.schedule(tx, ReplicaCreationJob.jobKey(replicaScope, created.keyId()), now, new byte[0]);
            return created;
        });
        jobsDueNow.run();
        caller.noteResource(replica.arn());
        ReplicateKeyResponse.Builder response = ReplicateKeyResponse.builder()
                .replicaKeyMetadata(KeyMetadataMapper.toMetadata(replica))
                .replicaPolicy(replica.record().policy());
        if (!tags.isEmpty()) {
            response.replicaTags(tags.stream().map(tag -> Tag.builder().tagKey(tag.key()).tagValue(tag.value()).build()).toList());
        }
        return response.build();
    }

    public UpdatePrimaryRegionResponse updatePrimaryRegion(Caller caller, UpdatePrimaryRegionRequest request) {
        Validation.check()
                .requiredText("keyId", request.keyId(), 1, 2048)
                .requiredText("primaryRegion", request.primaryRegion(), 1, 32)
                .pattern("primaryRegion", request.primaryRegion(), REGION)
                .orThrow();
        Region newPrimaryRegion = region(request.primaryRegion());
        transactions.write(tx -> {
            KmsKey primary = access.forManagement(tx, caller, request.keyId(), "kms:UpdatePrimaryRegion",
                    conditions -> conditions.put("kms:PrimaryRegion", newPrimaryRegion.name()));
            if (!MultiRegionFamily.isPrimary(primary)) {
                throw KmsErrors.notMultiRegionPrimary(primary.arn());
            }
            requireUsable(primary, REPLICABLE);
            KeyRecord.MultiRegion layout = primary.record().multiRegion();
            KmsScope newPrimaryScope = primary.scope().inRegion(newPrimaryRegion);
            if (!layout.replicaRegions().contains(newPrimaryRegion.name())) {
                throw KmsErrors.keyNotFound(newPrimaryScope.keyArn(primary.keyId()));
            }
            KmsKey newPrimary = records.findKey(tx, newPrimaryScope, primary.keyId())
                    .orElseThrow(() -> KmsErrors.keyNotFound(newPrimaryScope.keyArn(primary.keyId())));
            access.authorize(tx, caller, "kms:UpdatePrimaryRegion", newPrimary, KmsConditions.of(caller, newPrimary)
                    .put("kms:PrimaryRegion", newPrimaryRegion.name()));
            requireUsable(newPrimary, REPLICABLE);

            List<String> replicaRegions = layout.replicaRegions().stream()
                    .map(region -> region.equals(newPrimaryRegion.name()) ? layout.primaryRegion() : region)
                    .toList();
            List<KmsKey> family = new ArrayList<>(multiRegionFamily.others(tx, primary));
            family.add(primary);
            multiRegionFamily.putLayout(tx, family, new KeyRecord.MultiRegion(newPrimaryRegion.name(), replicaRegions));
            rotations.move(tx, primary.scope(), newPrimaryScope, primary.keyId());
            return null;
        });
        return UpdatePrimaryRegionResponse.builder().build();
    }

    /** A disabled key answers DisabledException, other unusable states KMSInvalidStateException. */
    private static void requireUsable(KmsKey key, Set<KeyState> allowed) {
        if (key.state() == KeyState.Disabled) {
            throw KmsErrors.disabled(key.arn());
        }
        key.requireState(allowed);
    }

    /**
     * A replica is a key created in another region: {@code kms:CreateKey} there, and
     * {@code kms:TagResource} to tag it, as AWS requires of ReplicateKey's caller.
     */
    private static void authorizeCreation(Caller caller, KmsKey primary, List<KeyTag> tags) {
        KmsConditions conditions = KmsConditions.of(caller)
                .put("kms:KeySpec", primary.spec().wireName())
                .put("kms:KeyUsage", primary.usage().name())
                .put("kms:KeyOrigin", primary.record().origin().name())
                .put("kms:MultiRegion", "true")
                .put("kms:MultiRegionKeyType", "REPLICA");
        caller.authorize("kms:CreateKey", "*", conditions.toMap());
        if (!tags.isEmpty()) {
            caller.authorize("kms:TagResource", "*", conditions.toMap());
        }
    }

    private static Region region(String name) {
        if (!Region.isValid(name)) {
            throw CommonErrors.validation("1 validation error detected: Value '" + name
                    + "' at 'region' failed to satisfy constraint: Member must be the name of an AWS Region");
        }
        return Region.of(name);
    }
}
