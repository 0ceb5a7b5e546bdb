/**
 * AWS Systems Manager Parameter Store. {@link dev.bulwark.ssm.SsmService} is the service's table of
 * contents; {@link dev.bulwark.ssm.SecretReader} and {@link dev.bulwark.ssm.ParameterEvents} are what
 * the server wires it to (Secrets Manager, the event sink); everything else lives in
 * {@code dev.bulwark.ssm.internal}.
 */
package dev.bulwark.ssm;
