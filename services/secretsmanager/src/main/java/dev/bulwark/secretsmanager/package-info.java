/**
 * AWS Secrets Manager. {@link dev.bulwark.secretsmanager.SecretsManagerService} is the service's
 * table of contents, {@link dev.bulwark.secretsmanager.SecretsManager} what the server creates and
 * runs; {@link dev.bulwark.secretsmanager.RotationEvents} and
 * {@link dev.bulwark.secretsmanager.RotationFunctionRegistry} are how the server connects it to
 * the audit trail and to rotation functions. Everything else lives in
 * {@code dev.bulwark.secretsmanager.internal}.
 */
package dev.bulwark.secretsmanager;
