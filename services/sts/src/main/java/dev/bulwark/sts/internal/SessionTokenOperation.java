package dev.bulwark.sts.internal;

import dev.bulwark.auth.Credential;
import dev.bulwark.auth.identity.AwsIdentifiers;
import dev.bulwark.auth.identity.SessionContext;
import dev.bulwark.core.CommonErrors;
import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import dev.bulwark.core.call.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sts.model.GetSessionTokenRequest;
import software.amazon.awssdk.services.sts.model.GetSessionTokenResponse;

/**
 * GetSessionToken: temporary credentials for the caller itself, an IAM user or the account
 * root, asked for with its long-term key. They authenticate as the same principal (CloudTrail
 * tells them apart by their {@code ASIA} key). Durations run from 15 minutes to 36 hours, 12 by
 * default; the root's sessions last at most an hour, longer requests are shortened silently, as
 * AWS documents. Needs no permission, as in AWS.
 */
public final class SessionTokenOperation {
    private static final int DEFAULT_DURATION = 43200;
    private static final int ROOT_LIMIT = 3600;

    private final StsContext sts;
    private final SessionIssuer issuer;

    public SessionTokenOperation(StsContext sts) {
        this.sts = sts;
        this.issuer = new SessionIssuer(sts);
    }

    public GetSessionTokenResponse getSessionToken(Caller caller, GetSessionTokenRequest request) {
        StsConstraints.mfa(Validation.check().range("durationSeconds", request.durationSeconds(), 900, 129600),
                request.serialNumber(), request.tokenCode()).orThrow();
        Principal principal = caller.principal();
        if (AwsIdentifiers.isTemporary(principal.accessKeyId())) {
            throw CommonErrors.accessDenied("Cannot call GetSessionToken with session credentials");
        }
        if (request.serialNumber() != null || request.tokenCode() != null) {
            throw StsErrors.mfaFailed();
        }
        boolean root = principal.type() == Principal.Type.ROOT;
        int requested = Optional.ofNullable(request.durationSeconds()).orElse(root ? ROOT_LIMIT : DEFAULT_DURATION);
        Duration lifetime = Duration.ofSeconds(root ? Math.min(requested, ROOT_LIMIT) : requested);

        SessionContext session = new SessionContext(
                root ? SessionContext.IssuerType.ROOT : SessionContext.IssuerType.IAM_USER, principal.arn(),
                principal.principalId(), root ? "" : principal.arn().substring(principal.arn().lastIndexOf('/') + 1),
                principal.accessKeyId(), sts.now(), Optional.empty(), List.of(), Map.of(), List.of(), Optional.empty());
        Credential credential = issuer.issue(principal.account(),
                accessKeyId -> new Principal(principal.type(), principal.account(), principal.arn(),
                        principal.principalId(), accessKeyId),
                lifetime, session);
        return GetSessionTokenResponse.builder().credentials(SessionIssuer.toSdk(credential)).build();
    }
}
