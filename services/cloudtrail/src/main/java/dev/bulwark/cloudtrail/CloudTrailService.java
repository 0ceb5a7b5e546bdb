package dev.bulwark.cloudtrail;

import dev.bulwark.cloudtrail.internal.EventLookup;
import dev.bulwark.cloudtrail.internal.PublicKeys;
import dev.bulwark.cloudtrail.internal.TrailLifecycle;
import dev.bulwark.cloudtrail.internal.TrailLogging;
import dev.bulwark.cloudtrail.internal.TrailSelectors;
import dev.bulwark.cloudtrail.internal.TrailTags;
import dev.bulwark.core.service.AwsService;
import dev.bulwark.core.service.Operation;
import dev.bulwark.core.service.ServiceDescriptor;
import dev.bulwark.store.Store;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.services.cloudtrail.model.AddTagsRequest;
import software.amazon.awssdk.services.cloudtrail.model.CreateTrailRequest;
import software.amazon.awssdk.services.cloudtrail.model.DeleteTrailRequest;
import software.amazon.awssdk.services.cloudtrail.model.DescribeTrailsRequest;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsRequest;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailRequest;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusRequest;
import software.amazon.awssdk.services.cloudtrail.model.ListPublicKeysRequest;
import software.amazon.awssdk.services.cloudtrail.model.ListTagsRequest;
import software.amazon.awssdk.services.cloudtrail.model.ListTrailsRequest;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.cloudtrail.model.PutEventSelectorsRequest;
import software.amazon.awssdk.services.cloudtrail.model.RemoveTagsRequest;
import software.amazon.awssdk.services.cloudtrail.model.StartLoggingRequest;
import software.amazon.awssdk.services.cloudtrail.model.StopLoggingRequest;
import software.amazon.awssdk.services.cloudtrail.model.UpdateTrailRequest;

/**
 * AWS CloudTrail's API: the operations served, in the order of the CloudTrail API reference.
 * Event data stores, Lake queries, channels, dashboards, Insights and organization trails are
 * not served.
 */
public final class CloudTrailService implements AwsService {
    public static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.json11("cloudtrail",
            "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101", "2013-11-01");

    private final EventLookup events;
    private final TrailLifecycle trails;
    private final TrailLogging logging;
    private final TrailSelectors selectors;
    private final TrailTags tags;
    private final PublicKeys publicKeys;

    CloudTrailService(Store store, EventLookup events, Clock clock, SecureRandom random) {
        this.events = events;
        this.trails = new TrailLifecycle(store, clock, random);
        this.logging = new TrailLogging(store, clock);
        this.selectors = new TrailSelectors(store);
        this.tags = new TrailTags(store);
        this.publicKeys = new PublicKeys(store);
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Operation<?, ?>> operations() {
        return List.of(
                Operation.write("AddTags", AddTagsRequest::builder, tags::addTags),
                Operation.write("CreateTrail", CreateTrailRequest::builder, trails::createTrail),
                Operation.write("DeleteTrail", DeleteTrailRequest::builder, trails::deleteTrail),
                Operation.read("DescribeTrails", DescribeTrailsRequest::builder, trails::describeTrails),
                Operation.read("GetEventSelectors", GetEventSelectorsRequest::builder, selectors::getEventSelectors),
                Operation.read("GetTrail", GetTrailRequest::builder, trails::getTrail),
                Operation.read("GetTrailStatus", GetTrailStatusRequest::builder, logging::getTrailStatus),
                Operation.read("ListPublicKeys", ListPublicKeysRequest::builder, publicKeys::listPublicKeys),
                Operation.read("ListTags", ListTagsRequest::builder, tags::listTags),
                Operation.read("ListTrails", ListTrailsRequest::builder, trails::listTrails),
                Operation.read("LookupEvents", LookupEventsRequest::builder, events::lookupEvents),
                Operation.write("PutEventSelectors", PutEventSelectorsRequest::builder, selectors::putEventSelectors),
                Operation.write("RemoveTags", RemoveTagsRequest::builder, tags::removeTags),
                Operation.write("StartLogging", StartLoggingRequest::builder, logging::startLogging),
                Operation.write("StopLogging", StopLoggingRequest::builder, logging::stopLogging),
                Operation.write("UpdateTrail", UpdateTrailRequest::builder, trails::updateTrail));
    }
}
