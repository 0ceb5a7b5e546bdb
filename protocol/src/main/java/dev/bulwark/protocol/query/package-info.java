/**
 * awsQuery (IAM, STS): {@link dev.bulwark.protocol.query.AwsQueryAdapter} routes on the
 * {@code Action} and {@code Version} parameters, reads the flattened form
 * ({@code Tags.member.1.Key=...}) into SDK request builders and writes responses and errors
 * as the XML the SDKs parse. All conversions are driven by the SDK's field metadata.
 */
package dev.bulwark.protocol.query;
