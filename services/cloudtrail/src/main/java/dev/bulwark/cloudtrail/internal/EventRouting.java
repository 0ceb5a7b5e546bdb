package dev.bulwark.cloudtrail.internal;

import java.util.Set;

/**
 * Which trails log an event, as AWS decides it: the trail belongs to the event's account and
 * was logging when the event happened; the event is in the trail's home region, or the trail is
 * multi-region, or it is a global service's event and the trail includes those; and one of
 * the trail's event selectors takes it (management events, read, write or both, minus the
 * event sources the selector excludes).
 */
final class EventRouting {
    /** Services whose events AWS records as global (in us-east-1), subject to IncludeGlobalServiceEvents. */
    private static final Set<String> GLOBAL_SERVICES = Set.of(
            "iam.amazonaws.com", "signin.amazonaws.com", "cloudfront.amazonaws.com", "route53.amazonaws.com");

    private EventRouting() {
    }

    static boolean logs(TrailDocument trail, StoredEvent event) {
        if (!trail.account().equals(event.recipientAccountId()) || !trail.logging().covers(event.time())) {
            return false;
        }
        boolean global = GLOBAL_SERVICES.contains(event.eventSource());
        if (global && !trail.settings().includeGlobalServiceEvents()) {
            return false;
        }
        boolean inRegion = global || trail.settings().multiRegion() || trail.homeRegion().equals(event.awsRegion());
        return inRegion && trail.selectorsInForce().stream().anyMatch(selector -> selects(selector, event));
    }

    private static boolean selects(TrailDocument.Selector selector, StoredEvent event) {
        if (!selector.includeManagementEvents() || selector.excludeManagementEventSources().contains(event.eventSource())) {
            return false;
        }
        return switch (selector.readWriteType()) {
            case "ReadOnly" -> event.readOnly();
            case "WriteOnly" -> !event.readOnly();
            default -> true;
        };
    }
}
