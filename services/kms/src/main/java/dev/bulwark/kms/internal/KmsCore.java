package dev.bulwark.kms.internal;

import dev.bulwark.jobs.JobScheduler;
import dev.bulwark.store.Store;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * What every operation family shares: the store (through {@link KmsTransactions}), the records,
 * key resolution and access checks, key material generation, the job scheduler, time and
 * randomness, rotation settings and multi-Region families. A family takes the core in its constructor and keeps what it uses, so adding a
 * family, or a shared helper here, changes no other family's constructor.
 */
public record KmsCore(
        KmsTransactions transactions,
        KmsRecords records,
        KeyResolver resolver,
        KeyAccess access,
        KeyMaterials materials,
        AwsManagedKeys awsManagedKeys,
        JobScheduler jobs,
        Clock clock,
        SecureRandom random,
        KeyRotationSchedule rotations,
        MultiRegionFamily multiRegionFamily,
        Runnable jobsDueNow) {

    /** How many keys' opened materials stay in memory (see {@link MaterialCache}). */
    private static final int CACHED_KEYS = 1024;

    /**
     * Wires the shared parts. Cheap: nothing is read or generated until the first call.
     *
     * @param jobsDueNow tells the job runner to look for due jobs at once; a family calls it after
     *                   committing a job meant to run now (an on-demand rotation, a new replica)
     */
    public static KmsCore create(Store store, JobScheduler jobs, Runnable jobsDueNow, Clock clock, SecureRandom random) {
        KmsRecords records = new KmsRecords(clock, new MaterialCache(CACHED_KEYS));
        KeyMaterials materials = new KeyMaterials(clock, random);
        KeyRotationSchedule rotations = new KeyRotationSchedule(jobs);
        AwsManagedKeys awsManagedKeys = new AwsManagedKeys(records, materials, rotations, clock);
        KeyResolver resolver = new KeyResolver(records);
        KeyAccess access = new KeyAccess(resolver, new KeyGrants(records));
        return new KmsCore(new KmsTransactions(store, awsManagedKeys), records, resolver, access, materials,
                awsManagedKeys, jobs, clock, random, rotations, new MultiRegionFamily(records), jobsDueNow);
    }
}
