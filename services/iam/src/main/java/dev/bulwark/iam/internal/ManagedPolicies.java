package dev.bulwark.iam.internal;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.Arn;
import dev.bulwark.core.AwsException;
import dev.bulwark.store.ReadTransaction;
import dev.bulwark.store.WriteTransaction;
import java.util.Optional;

/**
 * Customer managed policies, addressed as IAM addresses them: by ARN
 * ({@code arn:aws:iam::111122223333:policy/path/Name}). Names are unique in an account whatever
 * the path, so records are keyed by name and an ARN whose path differs names no policy.
 *
 * <p>Bulwark has no AWS managed policies ({@code arn:aws:iam::aws:policy/...}): such ARNs,
 * like those of other accounts, are reported as not found.
 */
final class ManagedPolicies {
    static final RecordTable<ManagedPolicyRecord> TABLE =
            new RecordTable<>(IamSchema.POLICIES, ManagedPolicyRecord.class, ManagedPolicyRecord::policyName);
    static final int SIZE_LIMIT = 6144;
    static final int VERSIONS_LIMIT = 5;
    static final int ACCOUNT_LIMIT = 1500;

    private ManagedPolicies() {
    }

    static String arn(AccountId account, String path, String name) {
        return "arn:aws:iam::" + account + ":policy" + path + name;
    }

    static String arn(AccountId account, ManagedPolicyRecord policy) {
        return arn(account, policy.path(), policy.policyName());
    }

    /** Refuses text that is not an IAM policy ARN, as AWS does: "ARN x is not valid." */
    static void requireValidArn(String policyArn) {
        if (!isValidArn(policyArn)) {
            throw IamErrors.invalidInput("ARN " + policyArn + " is not valid.");
        }
    }

    private static boolean isValidArn(String policyArn) {
        return Arn.parse(policyArn)
                .filter(arn -> arn.service().equals("iam") && arn.region().isEmpty())
                .filter(arn -> arn.resource().startsWith("policy/") && !arn.resource().endsWith("/"))
                .isPresent();
    }

    /** The account's policy an ARN names, if it exists (nothing for an ARN that is not a policy's). */
    static Optional<ManagedPolicyRecord> find(ReadTransaction tx, AccountId account, String policyArn) {
        if (!isValidArn(policyArn)) {
            return Optional.empty();
        }
        return TABLE.find(tx, account, Entities.nameInArn(policyArn))
                .filter(policy -> arn(account, policy).equals(policyArn));
    }

    /** The policy, or {@code NoSuchEntity}: "Policy arn:... was not found." */
    static ManagedPolicyRecord require(ReadTransaction tx, AccountId account, String policyArn) {
        return find(tx, account, policyArn).orElseThrow(() -> notFound(policyArn));
    }

    /** The policy for an attachment, or {@code NoSuchEntity}: "Policy arn:... does not exist or is not attachable." */
    static ManagedPolicyRecord requireAttachable(ReadTransaction tx, AccountId account, String policyArn) {
        return find(tx, account, policyArn).orElseThrow(() -> IamErrors.noSuchEntity(
                "Policy " + policyArn + " does not exist or is not attachable."));
    }

    /** A permissions boundary must be a managed policy, as AWS requires. */
    static ManagedPolicyRecord requireBoundary(ReadTransaction tx, AccountId account, String policyArn) {
        requireValidArn(policyArn);
        return find(tx, account, policyArn).orElseThrow(() -> IamErrors.noSuchEntity(
                "Scope ARN: " + policyArn + " does not exist or is not attachable."));
    }

    /** Counts a new use of a policy as a permissions boundary, which must then exist. */
    static void useAsBoundary(WriteTransaction tx, AccountId account, String policyArn) {
        put(tx, account, requireBoundary(tx, account, policyArn).withBoundaryUses(1));
    }

    /** Counts one use as a permissions boundary less (its user or role was deleted). */
    static void releaseBoundary(WriteTransaction tx, AccountId account, String policyArn) {
        find(tx, account, policyArn).ifPresent(policy -> put(tx, account, policy.withBoundaryUses(-1)));
    }

    static void put(WriteTransaction tx, AccountId account, ManagedPolicyRecord policy) {
        TABLE.put(tx, account, policy);
    }

    static AwsException notFound(String policyArn) {
        return IamErrors.noSuchEntity("Policy " + policyArn + " was not found.");
    }
}
