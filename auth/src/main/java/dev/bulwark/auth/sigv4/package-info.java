/**
 * AWS Signature Version 4, verified as AWS verifies it.
 *
 * <h2>Design note</h2>
 *
 * <p>Verification is a pipeline of small steps, each owned by one class:
 * {@code SignedRequest} reads what the request claims (header or presigned query) and refuses
 * malformed claims with AWS's messages; {@code CanonicalRequest} rebuilds the text the client
 * signed; {@code SigningKeyCache} derives and remembers signing keys per access key, day, region
 * and service; {@link dev.bulwark.auth.sigv4.SigV4Verifier} runs the steps in nearly AWS's order and
 * compares signatures in constant time.
 *
 * <p>Two choices decide compatibility. The canonical URI is the path as sent, normalised and
 * percent-encoded once more, because that is what every AWS SDK signs for services other than
 * S3; and the query string is decoded as a form, as the protocol layer decodes it, so that what
 * is signed is what the service reads. Both are pinned by tests that sign with the AWS SDK's own
 * signer and by the {@code get-vanilla} vector of AWS's published test suite.
 *
 * <p>The body is always hashed as received. AWS lets S3 clients send
 * {@code UNSIGNED-PAYLOAD} instead; here that needs a service to say so in its
 * {@link dev.bulwark.auth.SigningRules}, and no JSON or query service does.
 */
package dev.bulwark.auth.sigv4;
