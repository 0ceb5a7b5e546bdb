package dev.bulwark.auth.policy;

import java.util.Objects;

/**
 * A policy document with the name it is known by where it is attached (a managed policy's ARN,
 * {@code user/alice/inline-name}, {@code default} for a key policy), so that a decision can say
 * which policy decided it.
 */
public record AttachedPolicy(String name, PolicyDocument document) {

    public AttachedPolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(document, "document");
    }
}
