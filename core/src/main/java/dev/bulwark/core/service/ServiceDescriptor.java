package dev.bulwark.core.service;

import java.util.Objects;

/**
 * How a service is addressed on the wire.
 *
 * @param signingName    the SigV4 credential-scope service name ({@code kms}, {@code iam})
 * @param protocol       the wire protocol the service speaks
 * @param targetPrefix   the {@code X-Amz-Target} prefix for the JSON protocols ({@code TrentService}); empty otherwise
 * @param apiVersion     the API version ({@code 2014-11-01}); query services check it and name their XML namespace after it
 * @param xmlNamespace   the namespace of query responses ({@code https://iam.amazonaws.com/doc/2010-05-08/}); empty otherwise
 * @param eventSource    the CloudTrail event source ({@code kms.amazonaws.com})
 */
public record ServiceDescriptor(
        String signingName,
        WireProtocol protocol,
        String targetPrefix,
        String apiVersion,
        String xmlNamespace,
        String eventSource) {

    public ServiceDescriptor {
        Objects.requireNonNull(signingName, "signingName");
        Objects.requireNonNull(protocol, "protocol");
        targetPrefix = targetPrefix == null ? "" : targetPrefix;
        Objects.requireNonNull(apiVersion, "apiVersion");
        xmlNamespace = xmlNamespace == null ? "" : xmlNamespace;
        Objects.requireNonNull(eventSource, "eventSource");
    }

    public static ServiceDescriptor json11(String signingName, String targetPrefix, String apiVersion) {
        return new ServiceDescriptor(signingName, WireProtocol.AWS_JSON_1_1, targetPrefix, apiVersion, "",
                signingName + ".amazonaws.com");
    }

    public static ServiceDescriptor query(String signingName, String apiVersion, String xmlNamespace) {
        return new ServiceDescriptor(signingName, WireProtocol.AWS_QUERY, "", apiVersion, xmlNamespace,
                signingName + ".amazonaws.com");
    }

    public static ServiceDescriptor restJson(String signingName, String apiVersion) {
        return new ServiceDescriptor(signingName, WireProtocol.REST_JSON_1, "", apiVersion, "",
                signingName + ".amazonaws.com");
    }
}
