/**
 * AWS Key Management Service. {@link dev.bulwark.kms.KmsService} is the service's table of
 * contents; everything else lives in {@code dev.bulwark.kms.internal}.
 */
package dev.bulwark.kms;
