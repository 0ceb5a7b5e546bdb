package dev.bulwark.iam.internal;

import dev.bulwark.core.Validation;
import dev.bulwark.auth.policy.MalformedPolicyException;
import dev.bulwark.auth.policy.PolicyDocument;
import dev.bulwark.auth.policy.PolicyType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** How IAM validates, measures and returns policy documents. */
final class PolicyDocuments {
    private PolicyDocuments() {
    }

    /** Adds the model's constraints on a policy document member to a validation. */
    static Validation constraints(Validation validation, String member, String document) {
        return validation.required(member, document)
                .string(member, document, 1, Constraints.POLICY_DOCUMENT_MAX, Constraints.POLICY_DOCUMENT);
    }

    /**
     * Validates a document with the policy engine's parser, for its use: identity policies
     * (inline, managed, session) or trust policies. A malformed one is IAM's
     * {@code MalformedPolicyDocument} with AWS's message.
     */
    static void validate(String document, PolicyType type) {
        try {
            PolicyDocument.parse(document, type);
        } catch (MalformedPolicyException e) {
            throw IamErrors.malformedPolicyDocument(e.getMessage());
        }
    }

    /** A document's size as IAM counts it against its quotas: characters, whitespace excluded. */
    static int size(String document) {
        return (int) document.codePoints().filter(c -> !Character.isWhitespace(c)).count();
    }

    /**
     * A document as IAM returns it: URL-encoded (RFC 3986 style, spaces as {@code %20}, so that
     * both {@code unquote} and form decoding restore the text the caller stored).
     */
    static String urlEncoded(String document) {
        return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
