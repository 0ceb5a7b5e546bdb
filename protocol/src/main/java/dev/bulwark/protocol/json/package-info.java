/**
 * awsJson1.0 / awsJson1.1: {@link dev.bulwark.protocol.json.AwsJsonAdapter} routes on
 * {@code X-Amz-Target}; {@link dev.bulwark.protocol.json.JsonShapeReader} and
 * {@link dev.bulwark.protocol.json.JsonShapeWriter} convert JSON bodies to and from SDK
 * model objects using only the SDK's field metadata. The reader and writer handle body
 * members only, so restJson1 can reuse them for its payloads.
 */
package dev.bulwark.protocol.json;
