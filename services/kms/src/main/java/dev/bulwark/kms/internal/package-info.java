/**
 * The shared kernel of KMS, which every operation family builds on.
 *
 * <ul>
 *   <li><b>Storage.</b> {@link dev.bulwark.kms.internal.KmsSchema} declares the namespaces and
 *       ids; {@link dev.bulwark.kms.internal.KeyRecord}, {@link dev.bulwark.kms.internal.KeyMaterialRecord},
 *       {@link dev.bulwark.kms.internal.AliasRecord} and {@link dev.bulwark.kms.internal.GrantRecord}
 *       are the documents;
 *       {@link dev.bulwark.kms.internal.KmsRecords} reads and writes them inside a transaction;
 *       {@link dev.bulwark.kms.internal.KmsTransactions} runs the transactions;
 *       {@link dev.bulwark.kms.internal.KeyRotationSchedule} keeps rotation settings with their jobs;
 *       {@link dev.bulwark.kms.internal.KeyJobId} names the durable jobs about a key;
 *       {@link dev.bulwark.kms.internal.MaterialCache} keeps opened materials of Enabled keys.</li>
 *   <li><b>Finding and checking keys.</b> {@link dev.bulwark.kms.internal.KeyResolver} turns a
 *       KeyId parameter into a key with AWS's not-found answers;
 *       {@link dev.bulwark.kms.internal.KeyAccess} adds authorization with
 *       {@link dev.bulwark.kms.internal.KmsConditions}, the key policy and the key's grants
 *       ({@link dev.bulwark.kms.internal.KeyGrants}, {@link dev.bulwark.kms.internal.GrantPrincipals});
 *       {@link dev.bulwark.kms.internal.KmsKey} checks state and usage;
 *       {@link dev.bulwark.kms.internal.MultiRegionFamily} finds a multi-Region key's other
 *       members; {@link dev.bulwark.kms.internal.MaterialStates} tells which material is current,
 *       earlier or pending rotation.</li>
 *   <li><b>Making keys.</b> {@link dev.bulwark.kms.internal.KeyMaterials} (ids and material),
 *       {@link dev.bulwark.kms.internal.KeyPolicies} (the policies KMS writes),
 *       {@link dev.bulwark.kms.internal.KeyPolicyValidator} (the policies callers write),
 *       {@link dev.bulwark.kms.internal.KeyTags} (tag rules),
 *       {@link dev.bulwark.kms.internal.AwsManagedKeys} ({@code alias/aws/...}).</li>
 *   <li><b>Answering.</b> {@link dev.bulwark.kms.internal.Validation} (the model's constraint
 *       messages), {@link dev.bulwark.kms.internal.KmsErrors} (every KMS error),
 *       {@link dev.bulwark.kms.internal.KeyMetadataMapper}, {@link dev.bulwark.kms.internal.Markers},
 *       {@link dev.bulwark.kms.internal.GrantTokens}.</li>
 * </ul>
 *
 * <p>Operation families live in sub-packages ({@code lifecycle}, {@code aliases},
 * {@code cryptography}, {@code grants}, {@code policies}, {@code tags}, {@code rotation},
 * {@code imports}, {@code replication}, {@code customkeystores}, ...), each a class of a few
 * hundred lines constructed from {@link dev.bulwark.kms.internal.KmsCore} and listed in
 * {@link dev.bulwark.kms.KmsService}.
 */
package dev.bulwark.kms.internal;

import dev.bulwark.core.Validation;
