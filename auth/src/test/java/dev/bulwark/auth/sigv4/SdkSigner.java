package dev.bulwark.auth.sigv4;

import dev.bulwark.core.wire.WireRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner.AuthLocation;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Signs requests with the AWS SDK's own SigV4 signer and turns them into what the server
 * receives, so the verifier is tested against the signatures real clients make.
 */
final class SdkSigner {
    private final AwsCredentialsIdentity identity;
    private final String service;
    private final String region;
    private final Instant signingTime;

    SdkSigner(AwsCredentialsIdentity identity, String service, String region, Instant signingTime) {
        this.identity = identity;
        this.service = service;
        this.region = region;
        this.signingTime = signingTime;
    }

    SdkSigner at(Instant otherTime) {
        return new SdkSigner(identity, service, region, otherTime);
    }

    SdkSigner as(AwsCredentialsIdentity otherIdentity) {
        return new SdkSigner(otherIdentity, service, region, signingTime);
    }

    /** Signs with an Authorization header, as every SDK call does. */
    WireRequest sign(SdkHttpRequest request, byte[] body) {
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> common(r, request, body));
        return toWire(signed.request(), body);
    }

    /**
     * Signs with {@code X-Amz-Content-Sha256: UNSIGNED-PAYLOAD}, as S3 clients do over HTTPS
     * (the SDK only leaves a payload unsigned on a secure connection).
     */
    WireRequest signWithUnsignedPayload(SdkHttpRequest request, byte[] body) {
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> common(r, request, body)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false));
        return toWire(signed.request(), body);
    }

    /** Presigns into the query string, as presigned URLs are made. */
    WireRequest presign(SdkHttpRequest request, Duration expiry) {
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> common(r, request, new byte[0])
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, expiry));
        return toWire(signed.request(), new byte[0]);
    }

    private SignRequest.Builder<AwsCredentialsIdentity> common(SignRequest.Builder<AwsCredentialsIdentity> r,
            SdkHttpRequest request, byte[] body) {
        return r.identity(identity)
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signingTime, ZoneOffset.UTC));
    }

    /** The request as it arrives: encoded path and query as the SDK sends them, every header. */
    static WireRequest toWire(SdkHttpRequest request, byte[] body) {
        String rawQuery = request.encodedQueryParameters().orElse("");
        return new WireRequest(request.method().name(), request.encodedPath(), rawQuery, request.headers(), body,
                "127.0.0.1", false);
    }
}
