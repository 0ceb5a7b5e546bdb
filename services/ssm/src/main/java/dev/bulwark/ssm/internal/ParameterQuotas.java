package dev.bulwark.ssm.internal;

/**
 * How many parameters of each tier an account may have in a region. {@link #AWS} holds AWS's
 * quotas; tests use small ones.
 */
public record ParameterQuotas(long standardParameters, long advancedParameters) {
    public static final ParameterQuotas AWS = new ParameterQuotas(10_000, 100_000);
}
