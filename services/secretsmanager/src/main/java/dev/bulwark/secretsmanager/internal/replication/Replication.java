package dev.bulwark.secretsmanager.internal.replication;

import dev.bulwark.core.Region;
import dev.bulwark.core.call.Caller;
import dev.bulwark.core.Validation;
import dev.bulwark.secretsmanager.internal.Requests;
import dev.bulwark.secretsmanager.internal.SecretIds;
import dev.bulwark.secretsmanager.internal.SecretLookup;
import dev.bulwark.secretsmanager.internal.SecretRecord;
import dev.bulwark.secretsmanager.internal.SecretRecord.Replica;
import dev.bulwark.secretsmanager.internal.SecretScope;
import dev.bulwark.secretsmanager.internal.SecretViews;
import dev.bulwark.secretsmanager.internal.SecretsCore;
import dev.bulwark.secretsmanager.internal.SecretsErrors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.secretsmanager.model.RemoveRegionsFromReplicationRequest;
import software.amazon.awssdk.services.secretsmanager.model.RemoveRegionsFromReplicationResponse;
import software.amazon.awssdk.services.secretsmanager.model.ReplicaRegionType;
import software.amazon.awssdk.services.secretsmanager.model.ReplicateSecretToRegionsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ReplicateSecretToRegionsResponse;
import software.amazon.awssdk.services.secretsmanager.model.StopReplicationToReplicaRequest;
import software.amazon.awssdk.services.secretsmanager.model.StopReplicationToReplicaResponse;

/**
 * ReplicateSecretToRegions, RemoveRegionsFromReplication and StopReplicationToReplica. The copying
 * itself is {@link dev.bulwark.secretsmanager.internal.ReplicaSync}'s: these operations change
 * which regions a primary replicates to, then let it bring the replicas up to date.
 */
public final class Replication {
    private final SecretsCore core;

    public Replication(SecretsCore core) {
        this.core = core;
    }

    public ReplicateSecretToRegionsResponse replicateSecretToRegions(Caller caller, ReplicateSecretToRegionsRequest request) {
        List<ReplicaRegionType> regions = request.hasAddReplicaRegions() ? request.addReplicaRegions() : null;
        Validation validation = Requests.secretId(request.secretId()).required("addReplicaRegions", regions)
                .count("addReplicaRegions", regions, 1, Integer.MAX_VALUE);
        if (regions != null) {
            regions.forEach(r -> validation.string("addReplicaRegions.member.region", r.region(), 0, Integer.MAX_VALUE, Requests.REGION));
        }
        validation.orThrow();
        SecretLookup.Found found = core.lookup().findPrimary(caller, request.secretId(), "ReplicateSecretToRegions", Map.of());
        boolean overwrite = Boolean.TRUE.equals(request.forceOverwriteReplicaSecret());
        List<Replica> added = new ArrayList<>();
        for (ReplicaRegionType region : regions) {
            if (region.region().equals(caller.region().name()) || !Region.isValid(region.region())
                    || found.secret().replicas().stream().anyMatch(r -> r.region().equals(region.region()))
                    || added.stream().anyMatch(r -> r.region().equals(region.region()))) {
                throw SecretsErrors.invalidParameter("Invalid replica region.");
            }
            added.add(new Replica(region.region(), region.kmsKeyId() == null || region.kmsKeyId().isEmpty() ? null : region.kmsKeyId(),
                    Replica.IN_PROGRESS, "Replication in progress", null));
            if (overwrite) {
                removeStandaloneSecret(found, Region.of(region.region()));
            }
        }
        Instant now = Requests.now(core.clock());
        core.store().write(tx -> {
            SecretRecord current = core.lookup().reload(tx, found);
            List<Replica> replicas = new ArrayList<>(current.replicas());
            replicas.addAll(added);
            core.records().put(tx, found.scope(), current.withReplication(caller.region().name(), replicas, now));
            return null;
        });
        core.replicas().sync(caller, found.scope(), found.secret().name());
        SecretRecord after = core.store().read(tx -> core.lookup().reload(tx, found));
        return ReplicateSecretToRegionsResponse.builder().arn(after.arn())
                .replicationStatus(SecretViews.replicationStatus(after.replicas())).build();
    }

    /** ForceOverwriteReplicaSecret: a secret of the same name in the replica region gives way. */
    private void removeStandaloneSecret(SecretLookup.Found found, Region region) {
        SecretScope there = found.scope().inRegion(region);
        core.store().write(tx -> {
            core.records().find(tx, there, found.secret().name()).ifPresent(other -> core.records().purge(tx, there, other.name()));
            return null;
        });
    }

    public RemoveRegionsFromReplicationResponse removeRegionsFromReplication(Caller caller, RemoveRegionsFromReplicationRequest request) {
        List<String> regions = request.hasRemoveReplicaRegions() ? request.removeReplicaRegions() : null;
        Validation validation = Requests.secretId(request.secretId()).required("removeReplicaRegions", regions)
                .count("removeReplicaRegions", regions, 1, Integer.MAX_VALUE);
        if (regions != null) {
            regions.forEach(r -> validation.string("removeReplicaRegions.member", r, 0, Integer.MAX_VALUE, Requests.REGION));
        }
        validation.orThrow();
        SecretLookup.Found found = core.lookup().findPrimary(caller, request.secretId(), "RemoveRegionsFromReplication", Map.of());
        for (String region : regions) {
            if (found.secret().replicas().stream().noneMatch(r -> r.region().equals(region))) {
                throw SecretsErrors.invalidParameter("The secret is not replicated to region " + region + ".");
            }
        }
        Instant now = Requests.now(core.clock());
        for (String region : regions) {
            core.replicas().removeReplica(found.scope(), found.secret().name(),
                    SecretIds.inRegion(found.secret().arn(), Region.of(region)), Region.of(region));
        }
        SecretRecord after = core.store().write(tx -> {
            SecretRecord current = core.lookup().reload(tx, found);
            List<Replica> kept = current.replicas().stream().filter(r -> !regions.contains(r.region())).toList();
            SecretRecord updated = current.withReplication(kept.isEmpty() ? null : current.primaryRegion(), kept, now);
            core.records().put(tx, found.scope(), updated);
            return updated;
        });
        return RemoveRegionsFromReplicationResponse.builder().arn(after.arn())
                .replicationStatus(SecretViews.replicationStatus(after.replicas())).build();
    }

    /** Promotes a replica to a standalone secret in its region; called in the replica's region. */
    public StopReplicationToReplicaResponse stopReplicationToReplica(Caller caller, StopReplicationToReplicaRequest request) {
        Requests.secretId(request.secretId()).orThrow();
        SecretLookup.Found found = core.lookup().findActive(caller, request.secretId(), "StopReplicationToReplica", Map.of());
        if (!found.secret().isReplica()) {
            throw SecretsErrors.invalidRequest("StopReplicationToReplica is only allowed on a replica secret.");
        }
        Instant now = Requests.now(core.clock());
        SecretScope primaryScope = found.scope().inRegion(Region.of(found.secret().primaryRegion()));
        String primaryArn = SecretIds.inRegion(found.secret().arn(), primaryScope.region());
        core.store().write(tx -> {
            SecretRecord replica = core.lookup().reload(tx, found);
            core.records().put(tx, found.scope(), replica.withReplication(null, List.of(), now));
            Optional<SecretRecord> primary = core.records().find(tx, primaryScope, replica.name())
                    .filter(p -> p.arn().equals(primaryArn));
            primary.ifPresent(p -> {
                List<Replica> kept = p.replicas().stream().filter(r -> !r.region().equals(caller.region().name())).toList();
                core.records().put(tx, primaryScope, p.withReplication(kept.isEmpty() ? null : p.primaryRegion(), kept, now));
            });
            return null;
        });
        return StopReplicationToReplicaResponse.builder().arn(found.secret().arn()).build();
    }
}
