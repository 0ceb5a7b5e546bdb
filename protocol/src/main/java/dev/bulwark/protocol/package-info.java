/**
 * The wire binding between HTTP requests and the AWS SDK for Java v2 model classes.
 *
 * <p>The gateway picks a service (by SigV4 credential scope or {@link
 * dev.bulwark.protocol.ProtocolAdapters#targetPrefix X-Amz-Target prefix}), then asks the
 * service's {@link dev.bulwark.protocol.ProtocolAdapter} to resolve the operation, read the
 * request into the operation's SDK request type, and write the SDK response or an
 * {@link dev.bulwark.core.AwsException} back in the protocol's shape. Services never see
 * the wire: they handle SDK model objects.
 *
 * <p>Nothing here knows a service's shapes. The codecs walk the metadata the SDK generates
 * for every model class ({@code SdkPojo.sdkFields()}: member names, types, locations and
 * traits), so any SDK model class binds without hand-written code. Each protocol family
 * lives in its own package ({@code json}, {@code query}); shared knowledge of the model
 * metadata lives in {@code shape}. restJson1 will be another adapter that binds headers,
 * URI labels and query parameters itself and reuses the JSON body codec for the payload.
 *
 * <p>{@link dev.bulwark.protocol.RequestParameters} renders model objects for the audit
 * trail with the same JSON writer, leaving out members AWS marks sensitive.
 */
package dev.bulwark.protocol;
