package dev.bulwark.ssm.internal;

import dev.bulwark.ssm.SecretReader;
import dev.bulwark.ssm.internal.policies.PolicyJobs;
import dev.bulwark.store.Store;
import java.time.Clock;

/**
 * What every operation family shares: the store and its records, the values (SecureStrings through
 * KMS), the policy jobs, Secrets Manager for references, and time. A family takes the core in its
 * constructor and keeps what it uses. Construction only wires objects: nothing is read until the
 * first call.
 */
public record SsmCore(
        Store store,
        ParameterRecords records,
        ParameterQuotas quotas,
        ParameterValues values,
        PolicyJobs policyJobs,
        SecretReader secrets,
        Clock clock) {
}
