package dev.bulwark.ssm;

import dev.bulwark.core.service.AwsService;
import dev.bulwark.core.service.Operation;
import dev.bulwark.core.service.ServiceDescriptor;
import dev.bulwark.jobs.JobHandler;
import dev.bulwark.jobs.JobScheduler;
import dev.bulwark.kms.KmsApi;
import dev.bulwark.ssm.internal.ParameterQuotas;
import dev.bulwark.ssm.internal.ParameterRecords;
import dev.bulwark.ssm.internal.ParameterValues;
import dev.bulwark.ssm.internal.SecureValues;
import dev.bulwark.ssm.internal.SsmCore;
import dev.bulwark.ssm.internal.parameters.ParameterDeletion;
import dev.bulwark.ssm.internal.parameters.ParameterLabels;
import dev.bulwark.ssm.internal.parameters.ParameterReads;
import dev.bulwark.ssm.internal.parameters.ParameterSearch;
import dev.bulwark.ssm.internal.parameters.ParameterTags;
import dev.bulwark.ssm.internal.parameters.ParameterWrites;
import dev.bulwark.ssm.internal.policies.PolicyJobs;
import dev.bulwark.ssm.internal.settings.ServiceSettings;
import dev.bulwark.store.Store;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ssm.model.AddTagsToResourceRequest;
import software.amazon.awssdk.services.ssm.model.DeleteParameterRequest;
import software.amazon.awssdk.services.ssm.model.DeleteParametersRequest;
import software.amazon.awssdk.services.ssm.model.DescribeParametersRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterHistoryRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersRequest;
import software.amazon.awssdk.services.ssm.model.GetServiceSettingRequest;
import software.amazon.awssdk.services.ssm.model.LabelParameterVersionRequest;
import software.amazon.awssdk.services.ssm.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;
import software.amazon.awssdk.services.ssm.model.RemoveTagsFromResourceRequest;
import software.amazon.awssdk.services.ssm.model.ResetServiceSettingRequest;
import software.amazon.awssdk.services.ssm.model.UnlabelParameterVersionRequest;
import software.amazon.awssdk.services.ssm.model.UpdateServiceSettingRequest;

/**
 * AWS Systems Manager Parameter Store: the table of contents. Every operation served is listed below
 * in the order of the Systems Manager API reference, with the family class that answers it; the
 * families live in {@code dev.bulwark.ssm.internal.*} and share {@link SsmCore}. The other
 * capabilities of Systems Manager (documents, Run Command, inventory, ...) are not served.
 *
 * <p>SecureString values are encrypted through {@link KmsApi} as the caller; references under
 * {@code /aws/reference/secretsmanager/} are read through {@link SecretReader}; parameter policies
 * run as durable jobs ({@link #jobHandlers}) and raise {@link ParameterEvents}.
 *
 * <p>Construction only wires objects; the store is first touched by the first call.
 */
public final class SsmService implements AwsService {
    public static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.json11("ssm", "AmazonSSM", "2014-11-06");

    private final ParameterWrites writes;
    private final ParameterReads reads;
    private final ParameterSearch search;
    private final ParameterDeletion deletion;
    private final ParameterLabels labels;
    private final ParameterTags tags;
    private final ServiceSettings settings;

    public SsmService(Store store, JobScheduler jobs, KmsApi kms, SecretReader secrets, Clock clock, SecureRandom random) {
        this(new SsmCore(store, new ParameterRecords(), ParameterQuotas.AWS,
                new ParameterValues(new SecureValues(kms, random)), new PolicyJobs(jobs), secrets, clock));
    }

    /** A service over a prepared core (tests give it small quotas). */
    public SsmService(SsmCore core) {
        this.writes = new ParameterWrites(core);
        this.reads = new ParameterReads(core);
        this.search = new ParameterSearch(core);
        this.deletion = new ParameterDeletion(core);
        this.labels = new ParameterLabels(core);
        this.tags = new ParameterTags(core);
        this.settings = new ServiceSettings(core);
    }

    /**
     * The durable jobs Parameter Store schedules (its parameter policies), by job type, for the server
     * to register with its job runner at start-up, before any call: jobs outlive restarts.
     */
    public static Map<String, JobHandler> jobHandlers(JobScheduler jobs, ParameterEvents events, Clock clock) {
        return PolicyJobs.handlers(jobs, events, clock);
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Operation<?, ?>> operations() {
        return List.of(
                Operation.write("AddTagsToResource", AddTagsToResourceRequest::builder, tags::addTagsToResource),
                Operation.write("DeleteParameter", DeleteParameterRequest::builder, deletion::deleteParameter),
                Operation.write("DeleteParameters", DeleteParametersRequest::builder, deletion::deleteParameters),
                Operation.read("DescribeParameters", DescribeParametersRequest::builder, search::describeParameters),
                Operation.read("GetParameter", GetParameterRequest::builder, reads::getParameter),
                Operation.read("GetParameterHistory", GetParameterHistoryRequest::builder, reads::getParameterHistory),
                Operation.read("GetParameters", GetParametersRequest::builder, reads::getParameters),
                Operation.read("GetParametersByPath", GetParametersByPathRequest::builder, search::getParametersByPath),
                Operation.read("GetServiceSetting", GetServiceSettingRequest::builder, settings::getServiceSetting),
                Operation.write("LabelParameterVersion", LabelParameterVersionRequest::builder, labels::labelParameterVersion),
                Operation.read("ListTagsForResource", ListTagsForResourceRequest::builder, tags::listTagsForResource),
                Operation.write("PutParameter", PutParameterRequest::builder, writes::putParameter),
                Operation.write("RemoveTagsFromResource", RemoveTagsFromResourceRequest::builder, tags::removeTagsFromResource),
                Operation.write("ResetServiceSetting", ResetServiceSettingRequest::builder, settings::resetServiceSetting),
                Operation.write("UnlabelParameterVersion", UnlabelParameterVersionRequest::builder, labels::unlabelParameterVersion),
                Operation.write("UpdateServiceSetting", UpdateServiceSettingRequest::builder, settings::updateServiceSetting));
    }
}
