package dev.bulwark.ssm.internal;

import dev.bulwark.ssm.internal.settings.SettingDefinition;
import dev.bulwark.store.ReadTransaction;
import java.util.Optional;

/**
 * The tier a new version gets, and the limits of each. A request's Tier wins; without one the
 * account's default tier setting applies. Standard holds values of at most 4 KB, no policies, and
 * 10,000 parameters per account and region; Advanced holds 8 KB, policies, and 100,000 parameters.
 * Intelligent-Tiering chooses Standard unless the version needs Advanced: a larger value, a policy,
 * or a new parameter when the Standard quota is full. An advanced parameter never goes back to
 * Standard: asking for it is an error, while a default of Standard leaves it Advanced.
 *
 * <p>Sizes are counted in UTF-8 bytes, which is what AWS's "4 KB" means; AWS's messages call them
 * characters, which they are for ASCII values.
 */
public final class Tiers {
    public static final int STANDARD_VALUE_LIMIT = 4096;
    public static final int ADVANCED_VALUE_LIMIT = 8192;
    private static final String INTELLIGENT_TIERING = "Intelligent-Tiering";

    private final ParameterRecords records;
    private final ParameterQuotas quotas;

    public Tiers(ParameterRecords records, ParameterQuotas quotas) {
        this.records = records;
        this.quotas = quotas;
    }

    /**
     * Chooses the tier of a version and checks the chosen tier's limits.
     *
     * @param requestedTier the request's Tier, or null
     * @param existing      the parameter's current version, if it exists
     */
    public String resolve(ReadTransaction tx, SsmScope scope, String requestedTier, Optional<ParameterVersion> existing,
            int valueBytes, boolean hasPolicies) {
        boolean explicit = requestedTier != null;
        String asked = explicit ? requestedTier : SettingDefinition.DEFAULT_PARAMETER_TIER.value(tx, scope);
        boolean wasAdvanced = existing.map(ParameterVersion::advanced).orElse(false);
        boolean creating = existing.isEmpty();
        String tier;
        if (wasAdvanced) {
            if (explicit && asked.equals(ParameterVersion.STANDARD)) {
                throw SsmErrors.tierDowngrade();
            }
            tier = ParameterVersion.ADVANCED;
        } else if (asked.equals(INTELLIGENT_TIERING)) {
            boolean needsAdvanced = valueBytes > STANDARD_VALUE_LIMIT || hasPolicies
                    || (creating && standardCount(tx, scope) >= quotas.standardParameters());
            tier = needsAdvanced ? ParameterVersion.ADVANCED : ParameterVersion.STANDARD;
        } else {
            tier = asked;
        }
        if (tier.equals(ParameterVersion.STANDARD)) {
            requireStandardFits(tx, scope, creating, valueBytes, hasPolicies);
        } else if (!wasAdvanced && records.advancedCount(tx, scope) >= quotas.advancedParameters()) {
            throw SsmErrors.parameterLimitExceeded();
        }
        return tier;
    }

    private void requireStandardFits(ReadTransaction tx, SsmScope scope, boolean creating, int valueBytes, boolean hasPolicies) {
        if (valueBytes > STANDARD_VALUE_LIMIT) {
            throw SsmErrors.standardValueTooLarge();
        }
        if (hasPolicies) {
            throw SsmErrors.policiesNeedAdvancedTier();
        }
        if (creating && standardCount(tx, scope) >= quotas.standardParameters()) {
            throw SsmErrors.parameterLimitExceeded();
        }
    }

    private long standardCount(ReadTransaction tx, SsmScope scope) {
        return records.count(tx, scope) - records.advancedCount(tx, scope);
    }
}
