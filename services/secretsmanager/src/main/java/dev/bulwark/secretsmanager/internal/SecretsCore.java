package dev.bulwark.secretsmanager.internal;

import dev.bulwark.jobs.JobScheduler;
import dev.bulwark.kms.KmsApi;
import dev.bulwark.store.Store;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * What every operation family shares: the store and its records, lookups and access checks,
 * value encryption, version writing, replication, the job scheduler, time and randomness. A
 * family takes the core in its constructor and keeps what it uses.
 */
public record SecretsCore(
        Store store,
        SecretRecords records,
        SecretLookup lookup,
        SecretAccess access,
        SecretCipher cipher,
        VersionWriter versions,
        ReplicaSync replicas,
        JobScheduler jobs,
        Clock clock,
        SecureRandom random) {

    /** Wires the shared parts. Cheap: nothing is read until the first call. */
    public static SecretsCore create(Store store, JobScheduler jobs, KmsApi kms, Clock clock, SecureRandom random) {
        SecretRecords records = new SecretRecords();
        SecretAccess access = new SecretAccess();
        SecretCipher cipher = new SecretCipher(kms, random);
        VersionWriter versions = new VersionWriter(records);
        return new SecretsCore(store, records, new SecretLookup(store, records, access), access, cipher, versions,
                new ReplicaSync(store, records, cipher), jobs, clock, random);
    }
}
