package dev.bulwark.iam;

import java.util.Objects;

/**
 * One policy document as stored, and where it comes from.
 *
 * @param source   what the policy is, for explanations: a managed policy's ARN and version
 *                 ({@code arn:aws:iam::111122223333:policy/Readers v2}), or an inline policy's
 *                 owner and name ({@code user/alice/inline/ReadBuckets}), or {@code session}
 * @param document the JSON text
 */
public record PolicyDocumentText(String source, String document) {

    public PolicyDocumentText {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(document, "document");
    }
}
