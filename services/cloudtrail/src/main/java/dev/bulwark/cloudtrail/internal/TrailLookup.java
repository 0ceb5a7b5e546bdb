package dev.bulwark.cloudtrail.internal;

import dev.bulwark.cloudtrail.internal.TrailNames.TrailId;
import dev.bulwark.core.call.Caller;
import dev.bulwark.store.ReadTransaction;
import java.util.Optional;

/**
 * Finds the trail a request names, as AWS resolves it from the caller's region: a region sees
 * the trails created in it and the multi-region trails created elsewhere (shadow trails). A
 * name is looked up among those; an ARN names one trail exactly. Operations that change a trail
 * must be called in its home region.
 */
final class TrailLookup {
    private TrailLookup() {
    }

    /** A trail the caller's region sees (GetTrail, GetTrailStatus). */
    static TrailDocument visible(ReadTransaction tx, Caller caller, String nameOrArn) {
        TrailId id = TrailNames.parse(nameOrArn, caller.account(), caller.region());
        return find(tx, caller, id).orElseThrow(() -> TrailNames.notFound(id, caller.account()));
    }

    /** A trail the caller's region sees and which was created there (the operations that change a trail). */
    static TrailDocument home(ReadTransaction tx, Caller caller, String nameOrArn) {
        TrailDocument trail = visible(tx, caller, nameOrArn);
        if (!trail.homeRegion().equals(caller.region().name())) {
            throw CloudTrailErrors.invalidHomeRegion();
        }
        return trail;
    }

    /** A trail created in the caller's region; a shadow trail is not found (GetEventSelectors, as AWS answers it). */
    static TrailDocument inRegion(ReadTransaction tx, Caller caller, String nameOrArn) {
        TrailId id = TrailNames.parse(nameOrArn, caller.account(), caller.region());
        return find(tx, caller, id)
                .filter(trail -> trail.homeRegion().equals(caller.region().name()))
                .orElseThrow(() -> TrailNames.notFound(new TrailId(id.account(), caller.region(), id.name(), id.byArn()),
                        caller.account()));
    }

    /** A trail named by ARN for the tagging operations, which accept only ARNs of the caller's region. */
    static TrailDocument byResourceArn(ReadTransaction tx, Caller caller, String resourceId) {
        if (resourceId == null || !resourceId.startsWith("arn:")) {
            throw CloudTrailErrors.invalidArn(String.valueOf(resourceId));
        }
        TrailId id = TrailNames.parse(resourceId, caller.account(), caller.region());
        if (!id.region().equals(caller.region())) {
            throw CloudTrailErrors.arnInWrongRegion(caller.region());
        }
        return find(tx, caller, id).filter(trail -> trail.homeRegion().equals(caller.region().name()))
                .orElseThrow(() -> CloudTrailErrors.resourceNotFound(resourceId));
    }

    private static Optional<TrailDocument> find(ReadTransaction tx, Caller caller, TrailId id) {
        if (!id.account().equals(caller.account())) {
            return Optional.empty();
        }
        if (id.byArn()) {
            return Trails.get(tx, id.account(), id.region(), id.name())
                    .filter(trail -> trail.homeRegion().equals(caller.region().name()) || trail.settings().multiRegion());
        }
        return Trails.get(tx, id.account(), caller.region(), id.name())
                .or(() -> Trails.visibleIn(tx, caller.account(), caller.region()).stream()
                        .filter(trail -> trail.name().equals(id.name()))
                        .findFirst());
    }
}
