/**
 * AWS Secrets Manager. {@link dev.bulwark.secretsmanager.SecretsManagerService} is the service's
 * table of contents, {@link dev.bulwark.secretsmanager.SecretsManager} what the server creates and
 * runs, given the audit trail its rotations report to; {@link
 * dev.bulwark.secretsmanager.RotationFunctionRegistry} is how the server connects it to rotation
 * functions. Everything else lives in {@code dev.bulwark.secretsmanager.internal}.
 */
package dev.bulwark.secretsmanager;
