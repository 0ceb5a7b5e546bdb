package dev.bulwark.kms.internal.imports;

import dev.bulwark.jobs.Job;
import dev.bulwark.jobs.JobHandler;
import dev.bulwark.kms.internal.KeyJobId;
import dev.bulwark.store.WriteTransaction;

/**
 * Drops the wrapping private key of an import token at its ParametersValidTo (24 hours after
 * GetParametersForImport): an expired token can no longer be used, and nothing secret outlives
 * its use. Type {@value ImportTokens#EXPIRY_JOB_TYPE}, named {@code <account>/<region>/<keyId>/<tokenId>}.
 */
public final class ImportTokenExpiryJob implements JobHandler {
    public static final String TYPE = ImportTokens.EXPIRY_JOB_TYPE;

    @Override
    public void run(WriteTransaction tx, Job job) {
        KeyJobId id = KeyJobId.parse(job.key());
        ImportTokens.expire(tx, id.scope(), id.keyId(), id.requirePart());
    }
}
