package dev.bulwark.auth.policy;

import java.util.List;
import java.util.Optional;

/**
 * A parsed, validated policy document: immutable, safe to share and to evaluate from many
 * threads. Parse a document once (when it is stored, or when it is first read) and keep the
 * result: parsing compiles its patterns.
 */
public final class PolicyDocument {
    private final PolicyVersion version;
    private final String id;
    private final List<Statement> statements;

    PolicyDocument(PolicyVersion version, String id, List<Statement> statements) {
        this.version = version;
        this.id = id;
        this.statements = List.copyOf(statements);
    }

    /**
     * Parses a document against the grammar every policy shares, without the rules of a
     * particular {@link PolicyType}: for documents that were validated when they were stored.
     *
     * @throws MalformedPolicyException with AWS's message
     */
    public static PolicyDocument parse(String json) {
        return PolicyParser.parse(json, Optional.empty());
    }

    /**
     * Parses and validates a document for its use, as IAM, KMS or Secrets Manager do when a
     * policy is put.
     *
     * @throws MalformedPolicyException with AWS's message
     */
    public static PolicyDocument parse(String json, PolicyType type) {
        return PolicyParser.parse(json, Optional.of(type));
    }

    /** The Version element; without one, the document has 2008-10-17 semantics. */
    public Optional<PolicyVersion> version() {
        return Optional.ofNullable(version);
    }

    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    public List<Statement> statements() {
        return statements;
    }

    @Override
    public String toString() {
        return "PolicyDocument[" + (version == null ? "no version" : version.text()) + ", " + statements + "]";
    }
}
