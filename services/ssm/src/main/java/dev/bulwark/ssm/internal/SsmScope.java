package dev.bulwark.ssm.internal;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;
import dev.bulwark.core.call.Caller;
import dev.bulwark.store.RecordKey;

/**
 * The account and region a call addresses, and the ARNs Parameter Store forms in them. A parameter
 * ARN is {@code arn:aws:ssm:REGION:ACCOUNT:parameter/NAME}; for a name that starts with a slash the
 * slash is not doubled ({@code parameter/app/db}), so the ARN is the prefix followed by the name's
 * {@linkplain ParameterNames#id id}, which always starts with one.
 */
public record SsmScope(AccountId account, Region region) {

    public static SsmScope of(Caller caller) {
        return new SsmScope(caller.account(), caller.region());
    }

    public String storeScope() {
        return RecordKey.scope(account, region);
    }

    /** {@code arn:aws:ssm:us-east-1:111122223333:parameter} — a parameter id follows it. */
    public String parameterArnPrefix() {
        return "arn:" + region.partition() + ":ssm:" + region.name() + ":" + account.value() + ":parameter";
    }

    /** The ARN of the parameter with this id ({@code /app/db}). */
    public String parameterArn(String id) {
        return parameterArnPrefix() + id;
    }

    /** The ARN of a service setting ({@code /ssm/parameter-store/default-parameter-tier}). */
    public String settingArn(String settingId) {
        return "arn:" + region.partition() + ":ssm:" + region.name() + ":" + account.value() + ":servicesetting" + settingId;
    }
}
