package dev.bulwark.iam.internal;

import java.util.List;
import java.util.Map;

/**
 * What users, groups and roles have in common: a name and a path, inline policies and attached
 * managed policies. The inline-policy and attachment operations are written once over it.
 *
 * @param <T> the record type, so that the {@code with} methods return it
 */
interface PolicyHolder<T extends PolicyHolder<T>> {

    String name();

    String path();

    /** The unique id: {@code AIDA...}, {@code AGPA...} or {@code AROA...}. */
    String id();

    /** Inline policies by name; stored sorted by name. */
    Map<String, String> inlinePolicies();

    /** ARNs of the attached managed policies, in attachment order. */
    List<String> attachedPolicyArns();

    T withInlinePolicies(Map<String, String> inlinePolicies);

    T withAttachedPolicyArns(List<String> attachedPolicyArns);
}
