package dev.bulwark.auth.policy;

/**
 * Who makes the request being evaluated, in the three forms a Principal element can name: an
 * AWS principal of some account ({@code "AWS"}), an AWS service ({@code "Service"}), or an
 * identity provider whose users assume a role ({@code "Federated"}).
 */
public sealed interface RequestPrincipal permits AwsPrincipal, ServicePrincipal, FederatedPrincipal {

    /** The global condition keys that describe this principal ({@code aws:PrincipalArn}, ...). */
    RequestContext conditionKeys();
}
