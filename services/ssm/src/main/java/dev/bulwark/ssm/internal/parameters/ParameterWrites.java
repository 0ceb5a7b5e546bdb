package dev.bulwark.ssm.internal.parameters;

import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.ssm.internal.AllowedPatterns;
import dev.bulwark.ssm.internal.ParameterConditions;
import dev.bulwark.ssm.internal.ParameterNames;
import dev.bulwark.ssm.internal.ParameterPolicy;
import dev.bulwark.ssm.internal.ParameterRecord;
import dev.bulwark.ssm.internal.ParameterRecords;
import dev.bulwark.ssm.internal.ParameterVersion;
import dev.bulwark.ssm.internal.SecureValues;
import dev.bulwark.ssm.internal.SsmCore;
import dev.bulwark.ssm.internal.SsmErrors;
import dev.bulwark.ssm.internal.SsmScope;
import dev.bulwark.ssm.internal.StoredParameter;
import dev.bulwark.ssm.internal.StoredVersion;
import dev.bulwark.ssm.internal.TagRules;
import dev.bulwark.ssm.internal.Tiers;
import dev.bulwark.ssm.internal.policies.PolicyParser;
import dev.bulwark.store.WriteTransaction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;
import software.amazon.awssdk.services.ssm.model.PutParameterResponse;
import software.amazon.awssdk.services.ssm.model.Tag;

/**
 * PutParameter: creates a parameter or writes a new version of it.
 *
 * <p>A new version inherits what the request leaves out from the current one: type, KMS key, data
 * type, description, allowed pattern and policies (AWS keeps all of them until told otherwise; the
 * value must still match the allowed pattern it inherits). The type can't change. Parameter Store
 * keeps the 100 most recent versions: writing a 101st deletes the oldest, unless a label is attached
 * to it, which is ParameterMaxVersionLimitExceeded.
 *
 * <p>A SecureString is encrypted through KMS as the caller, which runs store transactions of its
 * own, so it cannot happen inside this operation's write transaction. The write therefore happens in
 * two steps: read the parameter and plan the version (checks, encryption), then write it in one
 * transaction that first checks the parameter is still the one planned for. If another write came
 * in between, the plan is made again; after three tries the caller gets AWS's TooManyUpdates.
 */
public final class ParameterWrites {
    private static final List<String> TYPES = List.of("SecureString", "StringList", "String");
    private static final List<String> TIERS = List.of("Standard", "Advanced", "Intelligent-Tiering");
    private static final Pattern KEY_ID = Pattern.compile("^([a-zA-Z0-9:/_-]+)$");
    private static final Set<String> DATA_TYPES = Set.of("text", "aws:ec2:image", "aws:ssm:integration");
    private static final Pattern IMAGE_ID = Pattern.compile("ami-([0-9a-f]{8}|[0-9a-f]{17})");
    private static final int MAX_VERSIONS = 100;
    private static final int ATTEMPTS = 3;

    private final SsmCore core;
    private final ParameterRecords records;
    private final Tiers tiers;

    public ParameterWrites(SsmCore core) {
        this.core = core;
        this.records = core.records();
        this.tiers = new Tiers(core.records(), core.quotas());
    }

    public PutParameterResponse putParameter(Caller caller, PutParameterRequest request) {
        checkConstraints(request);
        SsmScope scope = SsmScope.of(caller);
        String name = ParameterNames.forWrite(request.name(), scope);
        boolean overwrite = Boolean.TRUE.equals(request.overwrite());
        List<Tag> tags = request.hasTags() ? request.tags() : List.of();
        if (overwrite && !tags.isEmpty()) {
            throw SsmErrors.tagsWithOverwrite();
        }
        if (!tags.isEmpty()) {
            TagRules.check("tags", tags);
        }
        String id = ParameterNames.id(name);
        String arn = scope.parameterArn(id);
        int valueBytes = request.value().getBytes(StandardCharsets.UTF_8).length;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<StoredParameter> existing = core.store().read(tx -> records.find(tx, scope, id));
            if (attempt == 1) {
                authorize(caller, arn, ParameterConditions.forPut(existing.map(StoredParameter::record), overwrite, tags), tags);
            }
            if (existing.isPresent() && !overwrite) {
                throw SsmErrors.alreadyExists();
            }
            Instant now = core.clock().instant().truncatedTo(ChronoUnit.MILLIS);
            ParameterVersion planned = plan(caller, request, existing.map(StoredParameter::current), now);
            SecretBytes value = core.values().stored(caller, planned, arn, request.value());
            Optional<ParameterVersion> written = core.store().write(tx -> commit(tx, scope, name, existing,
                    new Planned(planned, value, request.tierAsString(), valueBytes, tags)));
            if (written.isPresent()) {
                return PutParameterResponse.builder().version(written.get().version()).tier(written.get().tier()).build();
            }
        }
        throw SsmErrors.tooManyUpdates();
    }

    /** PutParameter, and AddTagsToResource too when the request tags the parameter, as AWS requires. */
    private static void authorize(Caller caller, String arn, Map<String, List<String>> conditions, List<Tag> tags) {
        caller.authorize("ssm:PutParameter", arn, conditions);
        if (!tags.isEmpty()) {
            caller.authorize("ssm:AddTagsToResource", arn, conditions);
        }
    }

    private static void checkConstraints(PutParameterRequest request) {
        Validation.check()
                .requiredText("name", request.name(), 1, 2048)
                .required("value", request.value())
                .sensitive("value", request.value(), 1, Integer.MAX_VALUE)
                .length("description", request.description(), 0, 1024)
                .oneOf("type", request.typeAsString(), TYPES)
                .length("keyId", request.keyId(), 1, 256)
                .pattern("keyId", request.keyId(), KEY_ID)
                .length("allowedPattern", request.allowedPattern(), 0, 1024)
                .oneOf("tier", request.tierAsString(), TIERS)
                .length("policies", request.policies(), 1, 4096)
                .length("dataType", request.dataType(), 0, 128)
                .orThrow();
        if (request.value() != null && request.value().getBytes(StandardCharsets.UTF_8).length > Tiers.ADVANCED_VALUE_LIMIT) {
            throw SsmErrors.advancedValueTooLarge();
        }
    }

    /**
     * The version to write, checked against everything but the tier (which depends on the account's
     * parameter counts, read in the write transaction). Its number and tier are placeholders.
     */
    private ParameterVersion plan(Caller caller, PutParameterRequest request, Optional<ParameterVersion> existing, Instant now) {
        String type = Optional.ofNullable(request.typeAsString())
                .or(() -> existing.map(ParameterVersion::type))
                .orElseThrow(SsmErrors::typeRequired);
        if (existing.isPresent() && !existing.get().type().equals(type)) {
            throw SsmErrors.typeChange();
        }
        boolean secure = type.equals(ParameterVersion.SECURE_STRING);
        if (!secure && request.keyId() != null) {
            throw SsmErrors.keyIdOnlyForSecureString();
        }
        String keyId = secure
                ? Optional.ofNullable(request.keyId()).or(() -> existing.map(ParameterVersion::keyId)).orElse(SecureValues.DEFAULT_KEY_ID)
                : null;
        String dataType = Optional.ofNullable(request.dataType()).or(() -> existing.map(ParameterVersion::dataType)).orElse("text");
        checkDataType(dataType, type, request.value());
        String allowedPattern = Optional.ofNullable(request.allowedPattern())
                .or(() -> existing.map(ParameterVersion::allowedPattern))
                .filter(pattern -> !pattern.isEmpty())
                .orElse(null);
        if (allowedPattern != null) {
            AllowedPatterns.requireMatch(allowedPattern, request.value());
        }
        String description = Optional.ofNullable(request.description()).or(() -> existing.map(ParameterVersion::description)).orElse(null);
        List<ParameterPolicy> policies = policies(request.policies(), existing, now);
        return new ParameterVersion(0, type, dataType, null, description, allowedPattern, keyId, policies, now,
                caller.principal().arn());
    }

    private static void checkDataType(String dataType, String type, String value) {
        if (!DATA_TYPES.contains(dataType)) {
            throw SsmErrors.unsupportedDataType(dataType);
        }
        if (dataType.equals("aws:ec2:image")) {
            if (!type.equals("String")) {
                throw SsmErrors.dataTypeNeedsStringType(dataType);
            }
            // AWS also checks, asynchronously, that the image exists; Bulwark has no EC2 to ask.
            if (!IMAGE_ID.matcher(value).matches()) {
                throw SsmErrors.invalidImageId();
            }
        }
    }

    private static List<ParameterPolicy> policies(String requested, Optional<ParameterVersion> existing, Instant now) {
        if (requested == null) {
            return existing.map(version -> PolicyParser.restarted(version.policies(), now)).orElse(List.of());
        }
        List<ParameterPolicy> policies = PolicyParser.parse(requested, now);
        PolicyParser.requireFuture(policies, now);
        return policies;
    }

    /** A version ready to write, but for its number and tier. */
    private record Planned(ParameterVersion version, SecretBytes value, String requestedTier, int valueBytes, List<Tag> tags) {
    }

    /** Writes the planned version if the parameter is still as it was planned for; empty if it changed meanwhile. */
    private Optional<ParameterVersion> commit(WriteTransaction tx, SsmScope scope, String name, Optional<StoredParameter> plannedFor,
            Planned planned) {
        String id = ParameterNames.id(name);
        Optional<StoredParameter> current = records.find(tx, scope, id);
        if (!sameVersion(current, plannedFor)) {
            return Optional.empty();
        }
        Optional<ParameterVersion> existing = current.map(StoredParameter::current);
        ParameterVersion plan = planned.version();
        String tier = tiers.resolve(tx, scope, planned.requestedTier(), existing, planned.valueBytes(), !plan.policies().isEmpty());
        long number = existing.map(version -> version.version() + 1).orElse(1L);
        ParameterVersion version = new ParameterVersion(number, plan.type(), plan.dataType(), tier, plan.description(),
                plan.allowedPattern(), plan.keyId(), plan.policies(), plan.lastModifiedDate(), plan.lastModifiedUser());
        current.ifPresent(parameter -> dropOldestIfFull(tx, scope, parameter));
        ParameterRecord record = current
                .map(parameter -> parameter.record().withCurrent(version))
                .orElseGet(() -> new ParameterRecord(name, version, Map.of(), TagRules.added(Map.of(), planned.tags())));
        records.writeVersion(tx, scope, id, record, planned.value());
        core.policyJobs().schedule(tx, scope, id, version.policies());
        return Optional.of(version);
    }

    private static boolean sameVersion(Optional<StoredParameter> current, Optional<StoredParameter> plannedFor) {
        return current.map(parameter -> parameter.current().version()).equals(plannedFor.map(parameter -> parameter.current().version()));
    }

    /** Makes room for a new version when 100 are kept: the oldest goes, unless a label holds it. */
    private void dropOldestIfFull(WriteTransaction tx, SsmScope scope, StoredParameter parameter) {
        if (records.versionCount(tx, scope, parameter.id()) < MAX_VERSIONS) {
            return;
        }
        StoredVersion oldest = records.oldestVersion(tx, scope, parameter.id()).orElseThrow();
        long number = oldest.version().version();
        if (parameter.record().labels().containsValue(number)) {
            throw SsmErrors.maxVersionLimitExceeded(parameter.record().name(), number);
        }
        records.deleteVersion(tx, scope, parameter.id(), number);
    }
}
