package dev.bulwark.cloudtrail.internal;

import dev.bulwark.cloudtrail.internal.TrailDocument.Logging;
import dev.bulwark.core.call.Caller;
import dev.bulwark.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusRequest;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusResponse;
import software.amazon.awssdk.services.cloudtrail.model.StartLoggingRequest;
import software.amazon.awssdk.services.cloudtrail.model.StartLoggingResponse;
import software.amazon.awssdk.services.cloudtrail.model.StopLoggingRequest;
import software.amazon.awssdk.services.cloudtrail.model.StopLoggingResponse;

/**
 * StartLogging, StopLogging and GetTrailStatus. A trail delivers the events that happen while
 * it logs; starting a trail that logs, or stopping one that does not, changes nothing.
 */
public final class TrailLogging {
    private final Store store;
    private final Clock clock;

    public TrailLogging(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public StartLoggingResponse startLogging(Caller caller, StartLoggingRequest request) {
        change(caller, request.name(), "cloudtrail:StartLogging",
                logging -> logging.on() ? logging : new Logging(true, clock.instant(), logging.stopped()));
        return StartLoggingResponse.builder().build();
    }

    public StopLoggingResponse stopLogging(Caller caller, StopLoggingRequest request) {
        change(caller, request.name(), "cloudtrail:StopLogging",
                logging -> logging.on() ? new Logging(false, logging.started(), clock.instant()) : logging);
        return StopLoggingResponse.builder().build();
    }

    private void change(Caller caller, String name, String action, UnaryOperator<Logging> change) {
        TrailDocument trail = store.read(tx -> TrailLookup.home(tx, caller, name));
        caller.authorize(action, trail.arn());
        store.write(tx -> {
            TrailDocument latest = Trails.get(tx, trail.accountId(), trail.region(), trail.name())
                    .orElseThrow(() -> CloudTrailErrors.trailNotFound(caller.account(), trail.arn()));
            Trails.put(tx, latest.withLogging(change.apply(latest.logging())));
            return null;
        });
    }

    public GetTrailStatusResponse getTrailStatus(Caller caller, GetTrailStatusRequest request) {
        TrailDocument trail = store.read(tx -> TrailLookup.visible(tx, caller, request.name()));
        caller.authorize("cloudtrail:GetTrailStatus", trail.arn());
        Logging logging = trail.logging();
        TrailDocument.Delivery delivery = trail.delivery();
        return GetTrailStatusResponse.builder()
                .isLogging(logging.on())
                .latestDeliveryTime(seconds(delivery.latestDelivery()))
                .latestDeliveryError(delivery.latestDeliveryError())
                .latestDigestDeliveryTime(seconds(delivery.latestDigestDelivery()))
                .latestDigestDeliveryError(delivery.latestDigestDeliveryError())
                .startLoggingTime(seconds(logging.started()))
                .stopLoggingTime(seconds(logging.stopped()))
                .timeLoggingStarted(text(logging.started()))
                .timeLoggingStopped(text(logging.stopped()))
                .latestDeliveryAttemptTime(text(delivery.latestDeliveryAttempt()))
                .latestDeliveryAttemptSucceeded(text(delivery.latestDelivery()))
                .build();
    }

    private static Instant seconds(Instant time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.SECONDS);
    }

    private static String text(Instant time) {
        return time == null ? null : EventRecords.eventTime(time);
    }
}
