package dev.bulwark.iam.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A customer managed policy as stored, with all its versions (at most five, each at most 6,144
 * characters, so one record holds them comfortably and a version change is one write).
 *
 * @param nextVersion        the number of the next version: numbers are never reused
 * @param attachmentCount    how many users, groups and roles have it attached
 * @param boundaryUsageCount how many users and roles use it as their permissions boundary
 */
record ManagedPolicyRecord(
        String policyId,
        String policyName,
        String path,
        String description,
        Instant created,
        Instant updated,
        String defaultVersionId,
        int nextVersion,
        List<Version> versions,
        int attachmentCount,
        int boundaryUsageCount,
        List<TagRecord> tags) {

    /** One version of the document. */
    record Version(String versionId, String document, Instant created) {
    }

    ManagedPolicyRecord {
        versions = List.copyOf(versions);
        tags = List.copyOf(tags);
    }

    Optional<Version> version(String versionId) {
        return versions.stream().filter(version -> version.versionId().equals(versionId)).findFirst();
    }

    Version defaultVersion() {
        return version(defaultVersionId).orElseThrow(
                () -> new IllegalStateException("Policy " + policyName + " lost its default version"));
    }

    ManagedPolicyRecord withVersionAdded(String document, boolean setAsDefault, Instant now) {
        List<Version> more = new ArrayList<>(versions);
        String versionId = "v" + nextVersion;
        more.add(new Version(versionId, document, now));
        return new ManagedPolicyRecord(policyId, policyName, path, description, created,
                setAsDefault ? now : updated, setAsDefault ? versionId : defaultVersionId, nextVersion + 1, more,
                attachmentCount, boundaryUsageCount, tags);
    }

    ManagedPolicyRecord withVersionRemoved(String versionId) {
        List<Version> fewer = versions.stream().filter(version -> !version.versionId().equals(versionId)).toList();
        return new ManagedPolicyRecord(policyId, policyName, path, description, created, updated, defaultVersionId,
                nextVersion, fewer, attachmentCount, boundaryUsageCount, tags);
    }

    ManagedPolicyRecord withDefaultVersion(String versionId, Instant now) {
        return new ManagedPolicyRecord(policyId, policyName, path, description, created, now, versionId, nextVersion,
                versions, attachmentCount, boundaryUsageCount, tags);
    }

    ManagedPolicyRecord withAttachments(int delta) {
        return new ManagedPolicyRecord(policyId, policyName, path, description, created, updated, defaultVersionId,
                nextVersion, versions, attachmentCount + delta, boundaryUsageCount, tags);
    }

    ManagedPolicyRecord withBoundaryUses(int delta) {
        return new ManagedPolicyRecord(policyId, policyName, path, description, created, updated, defaultVersionId,
                nextVersion, versions, attachmentCount, boundaryUsageCount + delta, tags);
    }
}
