package dev.bulwark.cloudtrail.internal;

import dev.bulwark.core.call.Caller;
import dev.bulwark.store.Page;
import dev.bulwark.store.RecordKey;
import dev.bulwark.store.StoredRecord;
import dev.bulwark.store.Store;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;
import software.amazon.awssdk.services.cloudtrail.model.Resource;

/**
 * LookupEvents: the caller's account and region, newest first, optionally narrowed by one
 * lookup attribute and a time range, paged.
 *
 * <h2>Design</h2>
 * Event ids sort newest first ({@link EventIds}), so a request seeks to its end time and reads
 * forward until its start time, filtering as it goes. A request reads at most a fixed number of
 * events; if the attribute is rare it may answer fewer than MaxResults with a NextToken, as AWS
 * may. The token is the last id read plus a fingerprint of the request's filters, so a token
 * cannot be replayed with other parameters. Before reading, the lookup waits for the event log
 * to commit what is queued, so a caller finds the calls that completed before it asked.
 */
public final class EventLookup {
    private static final int DEFAULT_MAX_RESULTS = 50;
    private static final int MAX_ATTRIBUTE_VALUE_LENGTH = 2000;
    private static final int STORE_PAGE = 200;
    private static final int READ_BUDGET = 10_000;
    private static final Duration FLUSH_WAIT = Duration.ofSeconds(5);

    /** Waits until the calls recorded so far are readable. */
    @FunctionalInterface
    public interface Flush {
        boolean flush(Duration timeout);
    }

    private final Store store;
    private final Flush flush;
    private final Clock clock;
    private final Duration retention;

    public EventLookup(Store store, Flush flush, Clock clock, Duration retention) {
        this.store = store;
        this.flush = flush;
        this.clock = clock;
        this.retention = retention;
    }

    public LookupEventsResponse lookupEvents(Caller caller, LookupEventsRequest request) {
        caller.authorize("cloudtrail:LookupEvents", "*");
        Predicate<StoredEvent> filter = filter(request.lookupAttributes());
        int maxResults = maxResults(request.maxResults());
        Instant now = clock.instant();
        Instant newest = Optional.ofNullable(request.endTime()).orElse(now).truncatedTo(ChronoUnit.SECONDS)
                .plusMillis(999);
        Instant oldest = Optional.ofNullable(request.startTime()).orElse(now.minus(retention))
                .truncatedTo(ChronoUnit.SECONDS);
        if (oldest.isAfter(newest)) {
            throw CloudTrailErrors.invalidTimeRange();
        }
        if (request.eventCategory() != null) {
            if (!"insight".equals(request.eventCategoryAsString())) {
                throw CloudTrailErrors.invalidEventCategory(request.eventCategoryAsString());
            }
            return LookupEventsResponse.builder().events(List.of()).build(); // Bulwark raises no Insights events
        }
        String fingerprint = fingerprint(request);
        String after = request.nextToken() == null
                ? EventIds.seekNewestAtOrBefore(newest)
                : readToken(request.nextToken(), fingerprint);

        flush.flush(FLUSH_WAIT);
        String scope = RecordKey.scope(caller.account(), caller.region());
        Result result = store.read(tx -> {
            List<StoredEvent> found = new ArrayList<>();
            String position = after;
            int read = 0;
            while (true) {
                Page page = tx.list(CloudTrailSchema.EVENT, scope, "", position, STORE_PAGE);
                for (StoredRecord record : page.records()) {
                    if (EventIds.timeOf(record.key().id()).isBefore(oldest)) {
                        return new Result(found, Optional.empty());
                    }
                    position = record.key().id();
                    StoredEvent event = StoredEvent.of(record);
                    if (filter.test(event)) {
                        found.add(event);
                    }
                    read++;
                    if (found.size() == maxResults || read == READ_BUDGET) {
                        return new Result(found, Optional.of(position));
                    }
                }
                if (page.nextAfterId().isEmpty()) {
                    return new Result(found, Optional.empty());
                }
            }
        });
        return LookupEventsResponse.builder()
                .events(result.events().stream().map(EventLookup::toEvent).toList())
                .nextToken(result.resumeAfter().map(id -> token(id, fingerprint)).orElse(null))
                .build();
    }

    private record Result(List<StoredEvent> events, Optional<String> resumeAfter) {
    }

    private static int maxResults(Integer requested) {
        if (requested == null) {
            return DEFAULT_MAX_RESULTS;
        }
        if (requested < 1 || requested > DEFAULT_MAX_RESULTS) {
            throw CloudTrailErrors.invalidMaxResults();
        }
        return requested;
    }

    private static Predicate<StoredEvent> filter(List<LookupAttribute> attributes) {
        if (attributes.isEmpty()) {
            return event -> true;
        }
        if (attributes.size() > 1) {
            throw CloudTrailErrors.invalidLookupAttributes("You can specify only one lookup attribute.");
        }
        LookupAttribute attribute = attributes.getFirst();
        String value = attribute.attributeValue();
        if (value == null || value.isEmpty() || value.length() > MAX_ATTRIBUTE_VALUE_LENGTH) {
            throw CloudTrailErrors.invalidLookupAttributes(
                    "The value of a lookup attribute must be 1 to " + MAX_ATTRIBUTE_VALUE_LENGTH + " characters long.");
        }
        String key = attribute.attributeKeyAsString();
        return switch (key == null ? "" : key) {
            case "EventId" -> event -> event.eventId().equals(value);
            case "EventName" -> event -> event.eventName().equals(value);
            case "ReadOnly" -> event -> Boolean.toString(event.readOnly()).equals(value);
            case "Username" -> event -> event.username().filter(value::equals).isPresent();
            case "ResourceType" -> event -> event.resources().stream().anyMatch(r -> r.type().equals(value));
            case "ResourceName" -> event -> event.resources().stream().anyMatch(r -> r.name().equals(value));
            case "EventSource" -> event -> event.eventSource().equals(value);
            case "AccessKeyId" -> event -> event.accessKeyId().filter(value::equals).isPresent();
            default -> throw CloudTrailErrors.invalidLookupAttributes("Lookup attribute key " + key + " is not valid."
                    + " Valid keys are EventId, EventName, ReadOnly, Username, ResourceType, ResourceName,"
                    + " EventSource and AccessKeyId.");
        };
    }

    private static Event toEvent(StoredEvent event) {
        return Event.builder()
                .eventId(event.eventId())
                .eventName(event.eventName())
                .readOnly(Boolean.toString(event.readOnly()))
                .accessKeyId(event.accessKeyId().orElse(null))
                .eventTime(event.time().truncatedTo(ChronoUnit.SECONDS))
                .eventSource(event.eventSource())
                .username(event.username().orElse(null))
                .resources(event.resources().stream()
                        .map(r -> Resource.builder().resourceType(r.type()).resourceName(r.name()).build())
                        .toList())
                .cloudTrailEvent(event.json())
                .build();
    }

    /** What a NextToken must be used with: the filters and the time range of the first request. */
    private static String fingerprint(LookupEventsRequest request) {
        String parameters = request.lookupAttributes() + "|" + request.startTime() + "|" + request.endTime() + "|"
                + request.eventCategoryAsString();
        return DigestSigning.sha256Hex(parameters.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    private static String token(String lastId, String fingerprint) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((lastId + "|" + fingerprint).getBytes(StandardCharsets.UTF_8));
    }

    private static String readToken(String token, String fingerprint) {
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw CloudTrailErrors.invalidNextToken();
        }
        int bar = decoded.lastIndexOf('|');
        if (bar < 0 || !decoded.substring(bar + 1).equals(fingerprint) || !EventIds.isWellFormed(decoded.substring(0, bar))) {
            throw CloudTrailErrors.invalidNextToken();
        }
        return decoded.substring(0, bar);
    }
}
