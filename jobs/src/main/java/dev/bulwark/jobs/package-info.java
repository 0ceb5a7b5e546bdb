/**
 * Durable jobs: work that must happen later (delete a key after its waiting period, rotate a
 * key or a secret, expire a parameter), kept in the store so that it survives restarts and
 * happens exactly once.
 *
 * <p>Services schedule through {@link dev.bulwark.jobs.JobScheduler} inside their own write
 * transaction, so the state change that needs a job and the job commit together or not at all
 * ("key pending deletion" never exists without its deletion job). The server creates one
 * {@link dev.bulwark.jobs.JobRunner}, registers a {@link dev.bulwark.jobs.JobHandler} per job
 * type and starts it.
 *
 * <h2>Storage</h2>
 * {@link dev.bulwark.jobs.StoredJobs} keeps a job as two records written in one transaction: the
 * job ({@code jobs.job}, id {@code type/id}) and an entry in a due-time index ({@code jobs.due},
 * id {@code zero-padded epoch millis/type/id}). The store lists by id only, so the index is what
 * makes "the jobs due now" one short listing from the start of a namespace rather than a scan
 * of every job. Rescheduling replaces both records; cancelling and running remove both.
 *
 * <h2>Exactly once</h2>
 * A job runs in a write transaction that reads it again, deletes it and runs the handler; the
 * deletion and the handler's writes (which may schedule the same key again, as a rotation
 * schedules the next one) commit together. A crash before the commit leaves the
 * job pending with no effect of the attempt; a failure rolls the handler's writes back and is
 * recorded in a separate transaction with a retry time (exponential backoff from 1 s, capped at
 * an hour) and the exception's class and message, never more. Handlers must therefore keep their
 * effects inside the store.
 *
 * <h2>Clusters</h2>
 * On a store shared by several nodes (PostgreSQL) every node runs a {@code JobRunner}. Write
 * transactions are serializable and each run re-reads its job inside its transaction, so two
 * nodes that pick the same job cannot both commit its removal: the second finds it gone (after
 * waiting, or after the store retries its conflicting transaction) and skips it. No lease is
 * needed for handlers that only write to the store; a lease would only spare the duplicate work
 * that rolls back. A handler with effects outside the store (a webhook, an HSM call) would need
 * a lease and an idempotent effect, and is not supported.
 */
package dev.bulwark.jobs;
