package dev.bulwark.core.call;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.CommonErrors;
import dev.bulwark.core.Region;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One authenticated call as a service handler sees it: who calls, in which region, and the
 * request's identity for the audit trail. Handlers ask {@link #authorize} before they act on
 * a resource; the resources they name become the audit record's {@code resources}.
 *
 * <p>A Caller belongs to one request and one thread.
 */
public final class Caller {
    private final Principal principal;
    private final Region region;
    private final String requestId;
    private final Instant requestTime;
    private final String sourceIp;
    private final String userAgent;
    private final boolean secureTransport;
    private final Authorizer authorizer;
    private final List<String> calledVia;
    private final List<String> resources = new ArrayList<>();

    public Caller(Principal principal, Region region, String requestId, Instant requestTime,
            String sourceIp, String userAgent, boolean secureTransport, Authorizer authorizer) {
        this(principal, region, requestId, requestTime, sourceIp, userAgent, secureTransport, authorizer, List.of());
    }

    private Caller(Principal principal, Region region, String requestId, Instant requestTime,
            String sourceIp, String userAgent, boolean secureTransport, Authorizer authorizer, List<String> calledVia) {
        this.principal = Objects.requireNonNull(principal, "principal");
        this.region = Objects.requireNonNull(region, "region");
        this.requestId = Objects.requireNonNull(requestId, "requestId");
        this.requestTime = Objects.requireNonNull(requestTime, "requestTime");
        this.sourceIp = sourceIp == null ? "" : sourceIp;
        this.userAgent = userAgent == null ? "" : userAgent;
        this.secureTransport = secureTransport;
        this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
        this.calledVia = List.copyOf(calledVia);
    }

    /**
     * The same request as a service forwards it to another on the caller's behalf (AWS's forward
     * access sessions: Parameter Store decrypting a SecureString through KMS). Principal, region,
     * request id and authorizer stay the caller's, so the callee authorizes the caller; the call
     * comes from the service ({@code ssm.amazonaws.com} as source address and user agent, as
     * CloudTrail records such calls) and the service joins {@link #calledVia()}. The forwarded
     * call notes its own resources, so its audit record lists only what it touched.
     *
     * @param servicePrincipal the forwarding service's principal, {@code ssm.amazonaws.com}
     */
    public Caller via(String servicePrincipal) {
        List<String> chain = new ArrayList<>(calledVia);
        chain.add(Objects.requireNonNull(servicePrincipal, "servicePrincipal"));
        return new Caller(principal, region, requestId, requestTime, servicePrincipal, servicePrincipal, secureTransport,
                authorizer, chain);
    }

    /** The services that forwarded this request, first to last; empty for a call made directly. */
    public List<String> calledVia() {
        return calledVia;
    }

    public Principal principal() {
        return principal;
    }

    /** The account whose resources this call addresses: the caller's own. */
    public AccountId account() {
        return principal.account();
    }

    /** The region of the request's credential scope. */
    public Region region() {
        return region;
    }

    public String requestId() {
        return requestId;
    }

    public Instant requestTime() {
        return requestTime;
    }

    public String sourceIp() {
        return sourceIp;
    }

    public String userAgent() {
        return userAgent;
    }

    public boolean secureTransport() {
        return secureTransport;
    }

    /**
     * The same caller acting in another region, for work a service does there on the caller's
     * behalf (Secrets Manager replicating a secret): the same principal, request and authorizer,
     * with the region that keys and resources are resolved in changed.
     */
    public Caller inRegion(Region other) {
        return new Caller(principal, other, requestId, requestTime, sourceIp, userAgent, secureTransport, authorizer,
                calledVia);
    }

    /** Authorizes an action on a resource, or throws AWS's AccessDeniedException. */
    public void authorize(String action, String resourceArn) {
        authorize(action, resourceArn, Map.of());
    }

    /** Authorizes with service condition keys, or throws AWS's AccessDeniedException. */
    public void authorize(String action, String resourceArn, Map<String, List<String>> conditionKeys) {
        authorize(action, resourceArn, conditionKeys, ResourceAccess.NONE);
    }

    /**
     * Authorizes with service condition keys and the resource's own policy and grants (KMS key
     * policies, secret resource policies), or throws AWS's AccessDeniedException.
     */
    public void authorize(String action, String resourceArn, Map<String, List<String>> conditionKeys,
            ResourceAccess resourceAccess) {
        noteResource(resourceArn);
        Authorizer.Decision decision = authorizer.decide(this,
                new AuthorizationRequest(principal, action, resourceArn, conditionKeys, resourceAccess));
        if (!decision.allowed()) {
            throw CommonErrors.accessDenied(
                    "User: " + principal.arn() + " is not authorized to perform: " + action
                            + " on resource: " + resourceArn
                            + (decision.reason().isEmpty() ? "" : " " + decision.reason()));
        }
    }

    /** Records a resource the call touched, for the audit trail. */
    public void noteResource(String resourceArn) {
        if (!"*".equals(resourceArn) && !resources.contains(resourceArn)) {
            resources.add(resourceArn);
        }
    }

    public List<String> resources() {
        return Collections.unmodifiableList(resources);
    }
}
