/**
 * AWS Key Management Service. {@link dev.bulwark.kms.KmsService} is the service's table of
 * contents (and the job handlers the server registers); everything else lives in
 * {@code dev.bulwark.kms.internal} and its family sub-packages.
 */
package dev.bulwark.kms;
